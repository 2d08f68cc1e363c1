import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { PasswordHasher } from '../../src/modules/users/password-hasher';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import {
  completeViaApi,
  seedCourse,
  SeededCourse,
  waitFor,
  waitForStatus,
} from '../support/certificate-fixtures';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

const TABLET = { name: 'tablet', width: 768, height: 1024 };
const HR_VIEWPORTS = [TABLET, DESKTOP];
const CODE = 'K3-LISTRIK';
const BAD_LINE = 28; // file line of employee 27 (line 1 is the header)

const two = (n: number) => String(n).padStart(2, '0');
const nikOf = (n: number) => `31710000000000${two(n)}`;
function employeesCsv(badEmail: boolean): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['name,email,employee_id,nik'];
  for (let n = 1; n <= 50; n += 1) {
    const email = badEmail && n === 27 ? 'pekerja27-at-contoh' : `pekerja${two(n)}@contoh.test`;
    lines.push(`Pekerja ${two(n)},${email},PK-${two(n)},${nikOf(n)}`);
  }
  return {
    name: 'karyawan.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\r\n') + '\r\n'),
  };
}

/**
 * HR in Chromium against the real API and worker: imports 50 employees by CSV (one bad line
 * shown, fixed, re-uploaded, confirmed), manages them, assigns a course after a preview, extends
 * the due dates; learners complete through the API; the dashboard and the matrix show it.
 */
describe('web app (HR employees and assignments, in Chromium)', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let hr: SeededUser;
  let orgId: string;
  let course: SeededCourse;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({ SMTP_URL: smtp.url });
    await ctx.startWorker();
    base = await serveOnLoopback(ctx);
    orgId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    const author = await seedUser(ctx, Role.Admin);
    course = await seedCourse(ctx, author.id, {
      competencyCode: CODE,
      titleId: 'K3 Listrik',
      titleEn: 'Electrical OSH',
    });

    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'id-ID', viewport: DESKTOP });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
    await smtp?.close();
  });

  const learnerCount = async (): Promise<number> =>
    Number(
      (
        await ctx.db.query(
          `SELECT count(*) AS n FROM users WHERE organization_id = $1 AND role = 'learner'`,
          [orgId],
        )
      )[0].n,
    );
  const idOf = async (employeeId: string): Promise<string> =>
    (
      await ctx.db.query(`SELECT id FROM users WHERE organization_id = $1 AND employee_id = $2`, [
        orgId,
        employeeId,
      ])
    )[0].id;
  const rowOf = (name: string) => page.getByRole('row', { name: new RegExp(name) });

  it('signs HR in to the employee list, empty at first', async () => {
    await page.goto(`${base}/hr/employees`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(hr.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Karyawan', exact: true }).waitFor();
    await page.getByText('Belum ada karyawan.', { exact: false }).waitFor();
  });

  it('previews a CSV with one bad line: shown with its reason, nothing written', async () => {
    await page.getByRole('link', { name: 'Impor CSV' }).click();
    await page.getByRole('heading', { name: 'Impor karyawan dari CSV' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(employeesCsv(true));
    await page.getByRole('button', { name: 'Periksa file' }).click();
    await page.getByText('50 baris: 49 baru, 0 diperbarui, 1 bermasalah.').waitFor();
    // Only the bad line is listed first, highlighted, with its reason in words.
    const bad = page.locator('tr[data-invalid]');
    await expect(bad.count()).resolves.toBe(1);
    await expect(bad.innerText()).resolves.toMatch(
      new RegExp(
        `^${BAD_LINE}\\s+Pekerja 27\\s+pekerja27-at-contoh[\\s\\S]*Bermasalah[\\s\\S]*Alamat e-mail tidak valid\\.`,
        'i',
      ),
    );
    await expect(page.getByRole('button', { name: /Impor \d+ karyawan/ }).count()).resolves.toBe(0);
    expect(await learnerCount()).toBe(0);
    await checkPage(page, 'hr-employees-import-invalid', HR_VIEWPORTS);
    // All lines: paged (50 per page), the bad one still marked.
    await page.getByText('Semua baris (50)').click();
    await expect(page.locator('tbody tr').count()).resolves.toBe(50);
    await expect(page.locator('tr[data-invalid]').count()).resolves.toBe(1);
  });

  it('re-uploads the fixed file, confirms, and lists all 50 employees', async () => {
    await page.locator('input[type=file]').setInputFiles(employeesCsv(false));
    await page.getByRole('button', { name: 'Periksa file' }).click();
    await page.getByText('50 baris: 50 baru, 0 diperbarui, 0 bermasalah.').waitFor();
    await expect(page.locator('tr[data-invalid]').count()).resolves.toBe(0);
    expect(await learnerCount()).toBe(0);
    await checkPage(page, 'hr-employees-import-ready', HR_VIEWPORTS);
    await page.getByRole('button', { name: 'Impor 50 karyawan' }).click();
    await page.getByText('50 karyawan ditambahkan dan 0 diperbarui.', { exact: false }).waitFor();
    expect(await learnerCount()).toBe(50);
    await checkPage(page, 'hr-employees-import-done', HR_VIEWPORTS);

    await page.getByRole('link', { name: 'Lihat daftar karyawan' }).click();
    const seen = new Set<string>();
    for (let pageNo = 1; ; pageNo += 1) {
      await page.getByRole('rowheader').first().waitFor();
      const names = await page.getByRole('rowheader').allInnerTexts();
      for (const n of names) seen.add(n.split('\n')[0].trim());
      if (pageNo === 1) await checkPage(page, 'hr-employees-list', HR_VIEWPORTS);
      const next = page.getByRole('button', { name: 'Halaman berikutnya' });
      if ((await next.count()) === 0) break;
      const first = names[0];
      await next.click();
      await waitFor('the next page', async () => {
        const top = (await page.getByRole('rowheader').first().innerText()).split('\n')[0].trim();
        return top !== first.split('\n')[0].trim() ? true : undefined;
      });
    }
    expect([...seen].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `Pekerja ${two(i + 1)}`));
  });

  it('searches by NIK, creates an employee, deactivates and reactivates one after confirming', async () => {
    await page.getByRole('button', { name: 'Halaman pertama' }).click();
    await page.getByLabel('Cari nama, e-mail, NIK, atau ID karyawan').fill(nikOf(42));
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    // The search answers one row (the unfiltered first page may hold Pekerja 42 too).
    await waitFor('the search result', async () =>
      (await page.locator('tbody tr').count()) === 1 ? true : undefined,
    );
    await rowOf('Pekerja 42').waitFor();

    await page.getByRole('button', { name: 'Tambah karyawan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama').fill('Zahra Baru');
    await dialog.getByLabel('E-mail').fill('zahra@contoh.test');
    await dialog.getByLabel('ID karyawan').fill('PK-99');
    await checkPage(page, 'hr-employees-create', HR_VIEWPORTS);
    await dialog.getByRole('button', { name: 'Simpan dan kirim undangan' }).click();
    await page.getByText('Zahra Baru ditambahkan.', { exact: false }).waitFor();
    expect(await learnerCount()).toBe(51);

    await rowOf('Pekerja 42').getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByRole('dialog', { name: 'Nonaktifkan Pekerja 42?' }).waitFor();
    await page.getByText('tidak dapat masuk lagi', { exact: false }).waitFor();
    await checkPage(page, 'hr-employees-deactivate-confirm', HR_VIEWPORTS);
    await page.getByRole('dialog').getByRole('button', { name: 'Nonaktifkan' }).click();
    await rowOf('Pekerja 42').getByText('Nonaktif', { exact: true }).waitFor();
    const [off] = await ctx.db.query('SELECT is_active FROM users WHERE id = $1', [
      await idOf('PK-42'),
    ]);
    expect(off.is_active).toBe(false);

    await rowOf('Pekerja 42').getByRole('button', { name: 'Aktifkan kembali' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Aktifkan kembali' }).click();
    await rowOf('Pekerja 42').getByText('Aktif', { exact: true }).waitFor();
    const [on] = await ctx.db.query('SELECT is_active FROM users WHERE id = $1', [
      await idOf('PK-42'),
    ]);
    expect(on.is_active).toBe(true);

    await rowOf('Pekerja 42').getByRole('button', { name: 'Kirim ulang undangan' }).click();
    await page
      .getByText('Tautan yang dikirim sebelumnya tidak berlaku lagi.', { exact: false })
      .waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Kirim ulang undangan' }).click();
    await page.getByText('Undangan baru dikirim ke Pekerja 42.').waitFor();
  });

  it('assigns the course after a preview showing who is new, then extends the due dates', async () => {
    // Pekerja 03 is already enrolled (assigned earlier through the API).
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/assignments`)
      .set(bearer(hr))
      .send({ userIds: [await idOf('PK-03')] })
      .expect(200);

    await page.getByRole('link', { name: 'Penugasan', exact: true }).click();
    await page.getByRole('heading', { name: 'Penugasan pelatihan' }).waitFor();
    await page.getByLabel('Kursus').selectOption({ label: `K3 Listrik (${CODE})` });
    await page.getByLabel('Batas waktu (opsional)').fill('2027-06-30');
    await page.getByLabel('Saring nama, e-mail, NIK, atau ID karyawan').fill('PK-0');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    for (const n of ['01', '02', '03']) {
      await page.getByRole('checkbox', { name: `Pilih Pekerja ${n}` }).check();
    }
    await page.getByText('Dipilih: 3').waitFor();
    await checkPage(page, 'hr-assignments-pick', HR_VIEWPORTS);
    await page.getByRole('button', { name: 'Pratinjau penugasan (3)' }).click();
    await page.getByText('Baru: 2 · Sudah terdaftar: 1 · Pernah selesai: 0').waitFor();
    const preview = page.getByRole('table', { name: 'Pratinjau penugasan' });
    await expect(preview.getByRole('row', { name: /Pekerja 01/ }).innerText()).resolves.toMatch(
      /Baru/i,
    );
    await expect(preview.getByRole('row', { name: /Pekerja 03/ }).innerText()).resolves.toMatch(
      /Sudah terdaftar/i,
    );
    const enrollments = async () =>
      Number(
        (
          await ctx.db.query('SELECT count(*) AS n FROM enrollments WHERE course_id = $1', [
            course.courseId,
          ])
        )[0].n,
      );
    expect(await enrollments()).toBe(1);
    await checkPage(page, 'hr-assignments-preview', HR_VIEWPORTS);
    await page.getByRole('button', { name: 'Konfirmasi penugasan (3)' }).click();
    await page
      .getByText('Penugasan tersimpan: 2 baru, 1 diubah batas waktunya, 0 tidak berubah.')
      .waitFor();
    expect(await enrollments()).toBe(3);

    await page.getByLabel('Batas waktu baru').fill('2027-07-31');
    await page.getByRole('button', { name: 'Perpanjang (3)' }).click();
    await page.getByRole('dialog', { name: 'Perpanjang batas waktu?' }).waitFor();
    await checkPage(page, 'hr-assignments-extend-confirm', HR_VIEWPORTS);
    await page.getByRole('dialog').getByRole('button', { name: 'Perpanjang' }).click();
    await page
      .getByText('3 penugasan diperpanjang; 0 karyawan tanpa penugasan aktif dilewati.')
      .waitFor();
    const dues: { due_at: Date }[] = await ctx.db.query(
      `SELECT due_at FROM enrollments WHERE course_id = $1`,
      [course.courseId],
    );
    expect(dues.map((d) => d.due_at.toISOString())).toEqual([
      '2027-07-31T16:59:59.000Z',
      '2027-07-31T16:59:59.000Z',
      '2027-07-31T16:59:59.000Z',
    ]);

    // The same flow from a CSV of employee ids: preview, then confirm.
    await page.getByRole('tab', { name: 'Dari file CSV' }).click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'penugasan.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('employee_id\r\nPK-05\r\nPK-01\r\n'),
    });
    await page.getByRole('button', { name: 'Pratinjau dari file' }).click();
    await page.getByText('Baru: 1 · Sudah terdaftar: 1 · Pernah selesai: 0').waitFor();
    expect(await enrollments()).toBe(3);
    await checkPage(page, 'hr-assignments-csv-preview', HR_VIEWPORTS);
    await page.getByRole('button', { name: 'Konfirmasi penugasan (2)' }).click();
    await page
      .getByText('Penugasan tersimpan: 1 baru, 1 diubah batas waktunya, 0 tidak berubah.')
      .waitFor();
    expect(await enrollments()).toBe(4);
  });

  it('shows the assignment, then the certificates, on the dashboard and the matrix', async () => {
    await page.getByRole('link', { name: 'Dasbor kepatuhan' }).click();
    const cell = (label: string) => page.getByRole('link', { name: label });
    await cell(`4 karyawan: Sedang pelatihan, ${CODE}`).waitFor();
    await cell(`0 karyawan: Berlaku, ${CODE}`).waitFor();

    // Pekerja 01 and 02 set a password and complete the course through the API; the worker
    // issues their certificates.
    const hash = await ctx.app.get(PasswordHasher).hash(TEST_PASSWORD);
    for (const employeeId of ['PK-01', 'PK-02']) {
      const id = await idOf(employeeId);
      await ctx.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hash]);
      const email = `pekerja${employeeId.slice(3)}@contoh.test`;
      const login = await ctx
        .http()
        .post('/api/v1/auth/login')
        .send({ email, password: TEST_PASSWORD })
        .expect(200);
      const learner = { id, email, token: login.body.accessToken } as SeededUser;
      const [enrollment] = await ctx.db.query(
        'SELECT id FROM enrollments WHERE user_id = $1 AND course_id = $2',
        [id, course.courseId],
      );
      await completeViaApi(ctx, learner, enrollment.id, course.lessonId);
      const [certificate] = await ctx.db.query(
        'SELECT id FROM certificates WHERE enrollment_id = $1',
        [enrollment.id],
      );
      await waitForStatus(ctx, certificate.id, 'issued');
    }

    await page.reload();
    await cell(`2 karyawan: Berlaku, ${CODE}`).waitFor();
    await cell(`2 karyawan: Sedang pelatihan, ${CODE}`).waitFor();
    await page.getByRole('link', { name: 'Matriks kepatuhan' }).click();
    await page.getByLabel('Cari nama, atau awal e-mail, ID karyawan, NIK').fill('PK-0');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await expect(rowOf('Pekerja 01').innerText()).resolves.toMatch(/Berlaku/i);
    await expect(rowOf('Pekerja 02').innerText()).resolves.toMatch(/Berlaku/i);
    await expect(rowOf('Pekerja 03').innerText()).resolves.toMatch(/Sedang pelatihan/i);
    await expect(rowOf('Pekerja 04').innerText()).resolves.toMatch(/Belum ada/i);
    await expect(rowOf('Pekerja 05').innerText()).resolves.toMatch(/Sedang pelatihan/i);
  });

  it('opens an employee: training with time spent, and the certificate', async () => {
    await page.getByRole('link', { name: 'Karyawan', exact: true }).click();
    await page.getByLabel('Cari nama, e-mail, NIK, atau ID karyawan').fill('PK-01');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.getByRole('link', { name: 'Pekerja 01' }).click();
    await page.getByRole('heading', { name: 'Pekerja 01' }).waitFor();
    const training = page.getByRole('table', { name: 'Pelatihan' });
    await expect(training.getByRole('row', { name: /K3 Listrik/ }).innerText()).resolves.toMatch(
      /Selesai[\s\S]*100%/i,
    );
    const [certificate] = await ctx.db.query(
      `SELECT c.number FROM certificates c JOIN users u ON u.id = c.user_id
        WHERE u.employee_id = 'PK-01' AND u.organization_id = $1`,
      [orgId],
    );
    const certificates = page.getByRole('table', { name: 'Sertifikat' });
    await expect(
      certificates.getByRole('row', { name: new RegExp(certificate.number) }).innerText(),
    ).resolves.toMatch(/K3 Listrik[\s\S]*Berlaku/i);
    await page.getByText('Total waktu belajar').waitFor();
    await checkPage(page, 'hr-employee-detail', HR_VIEWPORTS);
  });
});
