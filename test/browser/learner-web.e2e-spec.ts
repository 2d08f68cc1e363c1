import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import {
  checkPage as checkPageAt,
  launchChromium,
  serveOnLoopback,
  VIEWPORTS,
} from '../support/browser';
import { createPublishedCourse, SeededCourse } from '../support/course-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

/**
 * The web app in a real browser (Debian's Chromium driven by playwright-core) against the real
 * API on a loopback port: login, my training, course outline, lesson, completion, logout, CSRF.
 */
describe('web app (learner, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let learner: SeededUser;
  let assigned: SeededCourse;
  let openCourse: SeededCourse;
  let mixed: { courseId: string; textLessonId: string; fileLessonId: string };
  const requested: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);

    const organizationId = await seedOrganization(ctx);
    const admin = await seedUser(ctx, Role.Admin);
    const hr = await seedUser(ctx, Role.Hr, organizationId);
    learner = await seedUser(ctx, Role.Learner, organizationId, { name: 'Siti Rahayu' });
    assigned = await createPublishedCourse(ctx, admin, {
      sequential: true,
      enrollmentMode: 'assigned',
      jpHours: 4,
      lessons: [{ minSeconds: 0 }, { minSeconds: 0 }],
    });
    openCourse = await createPublishedCourse(ctx, admin, { enrollmentMode: 'open' });
    await ctx
      .http()
      .post(`/api/v1/courses/${assigned.courseId}/assignments`)
      .set(bearer(hr))
      .send({ userIds: [learner.id], dueAt: '2030-01-31T16:59:59Z' })
      .expect(200);

    mixed = await createMixedCourse(ctx, admin);
    await ctx
      .http()
      .post(`/api/v1/courses/${mixed.courseId}/enroll`)
      .set(bearer(learner))
      .expect(201);

    browser = await launchChromium();
    context = await browser.newContext({ locale: 'id-ID', viewport: VIEWPORTS[1] });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
    page.on('console', (m) => {
      if (m.type() === 'error') process.stderr.write(`[console] ${m.text()}\n`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) process.stderr.write(`[http ${r.status()}] ${r.url()}\n`);
    });
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  /** Screenshots at phone and desktop size, no horizontal scroll, no serious axe violation. */
  async function checkPage(name: string): Promise<void> {
    await checkPageAt(page, name);
  }

  const courseTitle = (course: SeededCourse) =>
    ctx.db
      .query('SELECT title_id FROM course_versions WHERE course_id = $1', [course.courseId])
      .then((rows: { title_id: string }[]) => rows[0].title_id);

  it('sends a visitor to the login page and explains a wrong password in words', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await checkPage('login');
    await page.getByLabel('E-mail').fill(learner.email);
    await page.getByLabel('Kata sandi').fill('wrong password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('E-mail atau kata sandi salah.').waitFor();
  });

  it('logs in to My training with the assigned course, due date, progress, JP and the catalogue', async () => {
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();
    const card = page.getByRole('article', { name: await courseTitle(assigned) });
    await card.waitFor();
    await expect(card.innerText()).resolves.toMatch(/Tenggat: 31 Jan 2030/);
    await expect(card.innerText()).resolves.toMatch(/0% selesai/);
    await expect(card.innerText()).resolves.toMatch(/JP: 0 dari 4/);
    await page.getByRole('article', { name: await courseTitle(openCourse) }).waitFor();
    await checkPage('my-training');
  });

  it('keeps no token in localStorage or sessionStorage, and survives a reload through the cookie', async () => {
    const storage = () =>
      page.evaluate<{ local: number; session: number }>(
        '({ local: localStorage.length, session: sessionStorage.length })',
      );
    await expect(storage()).resolves.toEqual({ local: 0, session: 0 });
    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === 'k3_refresh');
    expect(refresh).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/browser',
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();
    await expect(storage()).resolves.toEqual({ local: 0, session: 0 });
  });

  it('shows the outline with the locked lesson and its reason', async () => {
    await page.getByRole('link', { name: await courseTitle(assigned) }).click();
    await page.getByRole('heading', { name: 'Daftar materi' }).waitFor();
    await page.getByText('Selesaikan “Pelajaran 1” terlebih dahulu.').waitFor();
    expect(await page.getByRole('link', { name: 'Pelajaran 2' }).count()).toBe(0);
    await checkPage('course-outline');
  });

  it('does not open a locked lesson into progress, even by its address', async () => {
    await page.goto(`${base}/courses/${assigned.courseId}/lessons/${assigned.lessonIds[1]}`);
    await page.getByText('Pelajaran terkunci').waitFor();
    await page.getByText('Selesaikan “Pelajaran 1” terlebih dahulu.').waitFor();
    await checkPage('lesson-locked');
    const [enrollment] = (
      await ctx.http().get('/api/v1/me/courses').set(bearer(learner)).expect(200)
    ).body.items.filter((e: { courseId: string }) => e.courseId === assigned.courseId);
    const detail = await ctx
      .http()
      .get(`/api/v1/enrollments/${enrollment.id}`)
      .set(bearer(learner));
    const second = detail.body.lessons[1];
    expect(second).toMatchObject({ status: 'not_started', locked: true, canComplete: false });
    expect(second.lockedByLessonId).toBe(assigned.lessonIds[0]);
  });

  it('shows a text lesson with its sanitised HTML, completes it and updates the progress', async () => {
    await page.goto(`${base}/courses/${assigned.courseId}`);
    await page.getByRole('link', { name: 'Pelajaran 1' }).click();
    await page.locator('.lesson-html h1', { hasText: 'Bab 1' }).waitFor();
    expect(await page.locator('.lesson-html strong').innerText()).toBe('materi');
    const complete = page.getByRole('button', { name: 'Tandai selesai' });
    await expect(complete.isEnabled()).resolves.toBe(true);
    await checkPage('lesson-text');
    await complete.click();
    await page.getByText('Pelajaran ditandai selesai. Kemajuan kursus: 50%.').waitFor();
    await page.getByText('Pelajaran selesai', { exact: true }).waitFor();
    await checkPage('lesson-completed');
    await page.getByRole('link', { name: 'Pelatihan saya' }).first().click();
    const card = page.getByRole('article', { name: await courseTitle(assigned) });
    await expect(card.getByText('50% selesai').waitFor()).resolves.toBeUndefined();
  });

  it('enrols in a catalogue course', async () => {
    await page
      .getByRole('article', { name: await courseTitle(openCourse) })
      .getByRole('button', { name: 'Ikuti kursus' })
      .click();
    await page.waitForURL(new RegExp(`/courses/${openCourse.courseId}$`));
    await page.getByRole('heading', { name: 'Daftar materi' }).waitFor();
  });

  it('shows the certificates page (empty state) and switches to English', async () => {
    await page.goto(`${base}/certificates`);
    await page.getByText('Belum ada sertifikat.', { exact: false }).waitFor();
    await checkPage('certificates');
    await page
      .getByLabel('Bahasa')
      .first()
      .selectOption('en')
      .catch(async () => {
        await page.getByRole('button', { name: 'Buka navigasi' }).click();
        await page.getByLabel('Bahasa').last().selectOption('en');
      });
    await page.getByRole('heading', { name: 'Certificates' }).waitFor();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();
  });

  it('injects the server-sanitised HTML as-is: markup kept, scripts and handlers gone', async () => {
    await page.goto(`${base}/courses/${mixed.courseId}/lessons/${mixed.textLessonId}`);
    await page.locator('.lesson-html strong', { hasText: 'tebal' }).waitFor();
    expect(await page.locator('.lesson-html script, .lesson-html [onerror]').count()).toBe(0);
    await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  });

  it('downloads a file lesson with the bearer token (fetched as a blob and saved)', async () => {
    await page.goto(`${base}/courses/${mixed.courseId}/lessons/${mixed.fileLessonId}`);
    const button = page.getByRole('button', { name: 'Unduh materi' });
    await button.waitFor();
    await checkPage('lesson-file');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe('materi-k3.pdf');
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('offers a skip link as the first focusable element, and lands e-mail links on real pages', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement.textContent')).resolves.toBe(
      'Lewati ke konten',
    );
    await page.keyboard.press('Enter');
    await expect(page.evaluate('document.activeElement.id')).resolves.toBe('main');
    await page.goto(`${base}/certificates/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
  });

  it('never downloads the instructor, HR or admin chunks for a learner', () => {
    const assets = requested.filter((p) => p.startsWith('/assets/'));
    expect(assets.length).toBeGreaterThan(3);
    expect(assets.filter((p) => /\/assets\/(instructor|hr|admin)-/.test(p))).toEqual([]);
  });

  it('refuses a cross-site refresh (no header, or a foreign Origin) with 403 CSRF_REJECTED', async () => {
    const refresh = (await context.cookies()).find((c) => c.name === 'k3_refresh')!;
    const cookie = `k3_refresh=${refresh.value}`;
    const noHeader = await ctx
      .http()
      .post('/api/v1/auth/browser/refresh')
      .set('Cookie', cookie)
      .set('Origin', base);
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.error).toBe('CSRF_REJECTED');
    const foreign = await ctx
      .http()
      .post('/api/v1/auth/browser/refresh')
      .set('Cookie', cookie)
      .set('X-CSRF', '1')
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toBe('CSRF_REJECTED');
    // The page itself, without the header: refused too.
    const inPage = await page.evaluate(async () => {
      const res = await fetch('/api/v1/auth/browser/refresh', { method: 'POST' });
      return { status: res.status, body: (await res.json()) as { error: string } };
    });
    expect(inPage).toEqual({
      status: 403,
      body: expect.objectContaining({ error: 'CSRF_REJECTED' }),
    });
  });

  it('logs out: the cookie is cleared and the old refresh token is refused', async () => {
    // (After the chunk check: role areas load only when visited.)
    await page.goto(`${base}/admin`);
    await page.getByRole('heading', { name: 'Administrasi' }).waitFor();
    const before = (await context.cookies()).find((c) => c.name === 'k3_refresh')!;
    await page.getByRole('button', { name: 'Menu pengguna' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL(/\/login/);
    expect((await context.cookies()).find((c) => c.name === 'k3_refresh')).toBeUndefined();
    const replay = await ctx
      .http()
      .post('/api/v1/auth/browser/refresh')
      .set('Cookie', `k3_refresh=${before.value}`)
      .set('X-CSRF', '1')
      .set('Origin', base);
    expect(replay.status).toBe(401);
    // Back navigation does not bring the session back.
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
  });
});

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 0x20)]);

/** An open course with a text lesson carrying hostile markup and a file lesson with a PDF. */
async function createMixedCourse(ctx: TestContext, author: SeededUser) {
  const code = `K3-MIX-${Date.now().toString(36)}`;
  const course = await ctx
    .http()
    .post('/api/v1/courses')
    .set(bearer(author))
    .send({
      code,
      titleId: `Kursus campuran ${code}`,
      titleEn: `Mixed course ${code}`,
      competencyCode: 'AK3U',
      jpHours: 1,
      certificateValidityMonths: 36,
      enrollmentMode: 'open',
      sequential: false,
      tags: [],
    })
    .expect(201);
  const courseId = course.body.id as string;
  const module = await ctx
    .http()
    .post(`/api/v1/courses/${courseId}/modules`)
    .set(bearer(author))
    .send({ titleId: 'Modul campuran', titleEn: 'Mixed module' })
    .expect(201);
  const lessons = `/api/v1/courses/${courseId}/modules/${module.body.id}/lessons`;
  const text = await ctx
    .http()
    .post(lessons)
    .set(bearer(author))
    .send({
      type: 'text',
      titleId: 'Bacaan berbahaya',
      titleEn: 'Hostile reading',
      required: true,
      minSeconds: 0,
      content: {
        markdown:
          'Isi **tebal**.\n\n<script>window.__xss = 1</script>\n\n<img src="x" onerror="window.__xss = 2">',
      },
    })
    .expect(201);
  const file = await ctx
    .http()
    .post(lessons)
    .set(bearer(author))
    .send({
      type: 'file',
      titleId: 'Materi unduhan',
      titleEn: 'Download',
      required: true,
      minSeconds: 0,
    })
    .expect(201);
  await ctx
    .http()
    .post(`/api/v1/courses/${courseId}/lessons/${file.body.id}/file`)
    .set(bearer(author))
    .attach('file', PDF, 'materi-k3.pdf')
    .expect(201);
  await ctx.http().post(`/api/v1/courses/${courseId}/publish`).set(bearer(author)).expect(200);
  return { courseId, textLessonId: text.body.id as string, fileLessonId: file.body.id as string };
}
