import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

const TABLET = { name: 'tablet', width: 768, height: 1024 };
const VIEWPORTS = [TABLET, DESKTOP];
const CODE = 'K3-LISTRIK-01';
// Runs in the page: whether a beforeunload handler asks the browser to warn.
const UNLOAD_PREVENTED = `(() => {
  const e = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
})()`;

/**
 * An instructor in Chromium against the real API: creates a course from nothing (both languages,
 * competency, JP, validity, tags, enrolment mode, a co-instructor), edits it, publishes v1; a
 * learner enrols on v1 through the API; the draft v2 changes (structure through the API); the
 * publish review shows the added and changed lessons and the pinned learner; publish; archive.
 */
describe('web app (instructor courses: create, edit, publish with a diff, archive)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let owner: SeededUser;
  let coInstructor: SeededUser;
  let learner: SeededUser;
  let courseId: string;

  const http = () => ctx.http();

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    owner = await seedUser(ctx, Role.Instructor, null, { name: 'Budi Pengajar' });
    coInstructor = await seedUser(ctx, Role.Instructor, null, { name: 'Sari Pendamping' });
    learner = await seedUser(ctx, Role.Learner, null, { name: 'Dewi Peserta' });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'id-ID', viewport: DESKTOP });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const version = async (no: number) =>
    (
      await ctx.db.query(
        `SELECT v.* FROM course_versions v WHERE v.course_id = $1 AND v.version_no = $2`,
        [courseId, no],
      )
    )[0];

  it('signs the instructor in to an empty course list', async () => {
    await page.goto(`${base}/instructor`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Kursus saya', exact: true }).waitFor();
    await page.getByText('Anda belum menjadi pengajar kursus apa pun.').waitFor();
    await checkPage(page, 'instructor-courses-empty', VIEWPORTS);
  });

  it('creates a course in both languages; the server names a bad field; leaving asks first', async () => {
    await page.getByRole('link', { name: 'Kursus baru' }).click();
    await page.getByRole('heading', { name: 'Kursus baru' }).waitFor();
    await page.getByLabel('Kode kursus').fill(CODE);
    await page.getByLabel('Judul (Indonesia)').fill('K3 Listrik Dasar');
    await page.getByLabel('Judul (Inggris)').fill('Basic Electrical OSH');
    await page.getByLabel('Deskripsi (Indonesia)').fill('Bahaya listrik di tempat kerja.');
    await page.getByLabel('Deskripsi (Inggris)').fill('Electrical hazards at work.');
    // Lower case: the client leaves it to the server, whose 400 names the field.
    await page.getByLabel('Kode kompetensi').fill('ak3 listrik');
    await page.getByLabel('Jam pelajaran (JP)').fill('16');
    await page.getByLabel('Masa berlaku sertifikat (bulan)').fill('36');
    const tags = page.getByRole('combobox', { name: 'Tag' });
    await tags.fill('listrik');
    await tags.press('Enter');
    await tags.fill('k3');
    await tags.press('Enter');
    await page.getByLabel('Pelajaran terbuka satu per satu secara berurutan').check();

    // Leaving with a dirty form asks; staying keeps every value.
    await page.getByRole('link', { name: 'Kursus saya' }).click();
    const leave = page.getByRole('dialog', { name: 'Keluar tanpa menyimpan?' });
    await leave.waitFor();
    await leave.getByRole('button', { name: 'Tetap di sini dan lanjutkan' }).click();
    await expect(page.getByLabel('Judul (Inggris)').inputValue()).resolves.toBe(
      'Basic Electrical OSH',
    );
    expect(page.url()).toMatch(/\/instructor\/courses\/new$/);
    // Closing or reloading the tab gets the browser's warning while the form is dirty.
    await expect(page.evaluate<boolean>(UNLOAD_PREVENTED)).resolves.toBe(true);

    await page.getByRole('button', { name: 'Buat kursus' }).click();
    const competency = page.getByLabel('Kode kompetensi');
    await page.getByText('Gunakan huruf kapital, angka, titik', { exact: false }).waitFor();
    await expect(competency.getAttribute('aria-invalid')).resolves.toBe('true');
    // The message is tied to its field for screen readers.
    const describedBy = (await competency.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toMatch(/error/);
    await checkPage(page, 'instructor-course-new-invalid', VIEWPORTS);

    await competency.fill('AK3-LISTRIK');
    // Keyboard only: choose the enrolment mode with the arrows, then back to "open".
    await page.getByLabel('Terbuka: peserta mendaftar sendiri').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByLabel('Hanya ditugaskan oleh HR').isChecked()).resolves.toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect(page.getByLabel('Terbuka: peserta mendaftar sendiri').isChecked()).resolves.toBe(
      true,
    );
    await page.getByRole('button', { name: 'Buat kursus' }).click();
    await page.getByText('Kursus dibuat sebagai draf versi 1.', { exact: false }).waitFor();
    courseId = /\/instructor\/courses\/([0-9a-f-]{36})\/edit/.exec(page.url())![1];
    const v1 = await version(1);
    expect(v1).toMatchObject({
      status: 'draft',
      title_id: 'K3 Listrik Dasar',
      title_en: 'Basic Electrical OSH',
      description_id: 'Bahaya listrik di tempat kerja.',
      description_en: 'Electrical hazards at work.',
      competency_code: 'AK3-LISTRIK',
      jp_hours: 16,
      certificate_validity_months: 36,
      tags: ['listrik', 'k3'],
      enrollment_mode: 'open',
      sequential: true,
    });
    await page.getByTestId('course-status').getByText('Belum diterbitkan').waitFor();
    await page.getByTestId('course-status').getByText('Draf v1').waitFor();
  });

  it("adds a co-instructor by e-mail from the keyboard; a learner's e-mail is refused on the field", async () => {
    const email = page.getByLabel('E-mail pengajar pendamping');
    await email.focus();
    await page.keyboard.type(learner.email);
    await page.keyboard.press('Enter');
    await page.getByText('Tidak ada pengajar dengan alamat e-mail ini.').waitFor();
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await email.fill('');
    await email.focus();
    await page.keyboard.type(coInstructor.email);
    await page.keyboard.press('Enter');
    await page.getByText('Sari Pendamping ditambahkan sebagai pengajar pendamping.').waitFor();
    await page
      .getByRole('row', { name: /Sari Pendamping/ })
      .getByText('Pengajar pendamping')
      .waitFor();
    const staff = await http()
      .get(`/api/v1/courses/${courseId}/staff`)
      .set(bearer(owner))
      .expect(200);
    expect(
      staff.body.map((m: { userId: string; role: string }) => [m.userId, m.role]).sort(),
    ).toEqual(
      [
        [owner.id, 'owner'],
        [coInstructor.id, 'co_instructor'],
      ].sort(),
    );
    await checkPage(page, 'instructor-course-edit', VIEWPORTS);
  });

  it('edits the details and saves them to the draft; the list shows the course', async () => {
    const titleEn = page.getByLabel('Judul (Inggris)');
    await titleEn.fill('Electrical OSH Basics');
    await titleEn.press('Enter'); // submits from the keyboard
    await page.getByText('Tersimpan ke draf v1.').waitFor();
    expect((await version(1)).title_en).toBe('Electrical OSH Basics');
    // Saved: leaving no longer asks.
    await expect(page.evaluate<boolean>(UNLOAD_PREVENTED)).resolves.toBe(false);
    await page.getByRole('link', { name: 'Kursus saya' }).click();
    await page.getByRole('heading', { name: 'Kursus saya', exact: true }).waitFor();
    const row = page.getByRole('row', { name: /K3 Listrik Dasar/ });
    await row.getByText('Draf v1').waitFor();
    await row.getByText('AK3-LISTRIK').waitFor();
    await checkPage(page, 'instructor-courses-list', VIEWPORTS);
  });

  it('publishes v1 after a review listing every lesson as new', async () => {
    const module = await http()
      .post(`/api/v1/courses/${courseId}/modules`)
      .set(bearer(owner))
      .send({ titleId: 'Bahaya listrik', titleEn: 'Electrical hazards' })
      .expect(201);
    for (const [titleId, titleEn] of [
      ['Sengatan listrik', 'Electric shock'],
      ['Pemadaman aman', 'Safe isolation'],
    ]) {
      await http()
        .post(`/api/v1/courses/${courseId}/modules/${module.body.id}/lessons`)
        .set(bearer(owner))
        .send({
          type: 'text',
          titleId,
          titleEn,
          minSeconds: 0,
          content: { markdown: `# ${titleId}` },
        })
        .expect(201);
    }
    await page.getByRole('link', { name: 'K3 Listrik Dasar' }).click();
    await page.getByRole('button', { name: 'Tinjau dan terbitkan v1' }).click();
    const review = page.getByRole('dialog', { name: 'Terbitkan versi 1?' });
    await review.getByText('Pelajaran ditambahkan (2)').waitFor();
    await review.getByText('Sengatan listrik (teks)').waitFor();
    await review.getByText('Tidak ada peserta terdaftar di versi lama.').waitFor();
    await review.getByRole('button', { name: 'Terbitkan versi 1' }).click();
    await page.getByText('Versi 1 sudah terbit.').waitFor();
    expect((await version(1)).status).toBe('published');
    await page.getByTestId('course-status').getByText('Terbit v1').waitFor();
  });

  it('shows the diff of draft v2 and the learner pinned to v1, then publishes v2', async () => {
    const enrolled = await http()
      .post(`/api/v1/courses/${courseId}/enroll`)
      .set(bearer(learner))
      .expect(201);
    await page.getByRole('button', { name: 'Mulai draf baru' }).click();
    await page.getByText('Draf v2 dibuat dari versi terakhir.').waitFor();
    const header = page.getByTestId('course-status');
    await header.getByText('Terbit v1').waitFor();
    await header.getByText('Draf v2').waitFor();
    await checkPage(page, 'instructor-course-overview', VIEWPORTS);

    // The structure editor belongs to another page; change the draft through the API.
    const course = await http().get(`/api/v1/courses/${courseId}`).set(bearer(owner)).expect(200);
    const draftModule = course.body.draft.modules[0];
    await http()
      .patch(`/api/v1/courses/${courseId}/lessons/${draftModule.lessons[0].id}`)
      .set(bearer(owner))
      .send({ titleId: 'Sengatan listrik dan luka bakar', content: { markdown: '# Baru' } })
      .expect(200);
    await http()
      .patch(`/api/v1/courses/${courseId}`)
      .set(bearer(owner))
      .send({ jpHours: 20 })
      .expect(200);
    await http()
      .post(`/api/v1/courses/${courseId}/modules/${draftModule.id}/lessons`)
      .set(bearer(owner))
      .send({
        type: 'text',
        titleId: 'Alat pelindung diri',
        titleEn: 'Protective equipment',
        minSeconds: 0,
        content: { markdown: '# APD' },
      })
      .expect(201);

    await page.reload();
    await page.getByRole('button', { name: 'Tinjau dan terbitkan v2' }).click();
    const review = page.getByRole('dialog', { name: 'Terbitkan versi 2?' });
    await review.getByText('Pelajaran ditambahkan (1)').waitFor();
    await review.getByText('Alat pelindung diri (teks)').waitFor();
    await review.getByText('Rincian kursus berubah (1)').waitFor();
    await review.getByText('Jam pelajaran (JP): 16 → 20').waitFor();
    await review.getByText('Pelajaran diubah (1)').waitFor();
    await review.getByText('Sengatan listrik dan luka bakar: judul, isi').waitFor();
    await expect(review.getByText('Pemadaman aman', { exact: false }).count()).resolves.toBe(0);
    await expect(review.getByTestId('pinned-summary').innerText()).resolves.toBe(
      '1 peserta terdaftar tetap di versi lama: 1 di v1.',
    );
    const pinnedRow = review.getByRole('row', { name: /Dewi Peserta/ });
    await pinnedRow.getByText('v1', { exact: true }).waitFor();
    await pinnedRow.getByText('Belum mulai · 0%').waitFor();
    await checkPage(page, 'instructor-course-publish-review', VIEWPORTS);

    await review.getByRole('button', { name: 'Terbitkan versi 2' }).click();
    await page.getByText('Versi 2 sudah terbit.').waitFor();
    await header.getByText('Terbit v2').waitFor();
    await expect(header.getByText('Draf v2').count()).resolves.toBe(0);
    expect((await version(1)).status).toBe('superseded');
    expect((await version(2)).status).toBe('published');
    const [pinned] = await ctx.db.query(
      `SELECT v.version_no FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.id = $1`,
      [enrolled.body.id],
    );
    expect(pinned.version_no).toBe(1);
  });

  it('archives after a confirmation saying what archiving does', async () => {
    await page.getByRole('button', { name: 'Arsipkan kursus' }).click();
    const confirm = page.getByRole('dialog', { name: 'Arsipkan K3 Listrik Dasar?' });
    await confirm.getByText('menutup kursus untuk pendaftaran baru', { exact: false }).waitFor();
    await confirm
      .getByText('Peserta yang sudah terdaftar tetap memiliki akses', { exact: false })
      .waitFor();
    await checkPage(page, 'instructor-course-archive-confirm', VIEWPORTS);
    await confirm.getByRole('button', { name: 'Arsipkan kursus' }).click();
    await page.getByText('Kursus diarsipkan: tidak ada pendaftaran baru.').waitFor();
    await page.getByTestId('course-status').getByText('Diarsipkan v2').waitFor();
    expect((await version(2)).status).toBe('archived');
    const late = await seedUser(ctx, Role.Learner);
    const refused = await http().post(`/api/v1/courses/${courseId}/enroll`).set(bearer(late));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('COURSE_NOT_PUBLISHED');
    await checkPage(page, 'instructor-course-archived', VIEWPORTS);
  });
});
