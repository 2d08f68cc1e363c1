import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import { createPublishedCourse, elapse, SeededCourse } from '../support/course-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

const TABLET = { name: 'tablet', width: 768, height: 1024 };
const STAFF_VIEWPORTS = [TABLET, DESKTOP];

/**
 * The instructor's course report in Chromium against the real API: three learners through the
 * API (one completes both lessons, one only the first and starts the second, one never starts),
 * then the totals, the funnel table and the roster with its status filter and paging.
 */
describe('web app (instructor course report, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let instructor: SeededUser;
  let course: SeededCourse;
  const learners: SeededUser[] = [];

  const enroll = async (learner: SeededUser) =>
    (
      await ctx
        .http()
        .post(`/api/v1/courses/${course.courseId}/enroll`)
        .set(bearer(learner))
        .expect(201)
    ).body.id as string;
  const lessonCall = (learner: SeededUser, enrollmentId: string, lessonId: string, what: string) =>
    ctx
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/${what}`)
      .set(bearer(learner))
      .expect(200);

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    instructor = await seedUser(ctx, Role.Instructor);
    course = await createPublishedCourse(ctx, instructor, {
      lessons: [{ minSeconds: 0 }, { minSeconds: 0 }],
    });
    for (const name of ['Ani Wulandari', 'Budi Santoso', 'Citra Lestari']) {
      learners.push(await seedUser(ctx, Role.Learner, undefined, { name }));
    }
    const [ani, budi, citra] = learners;
    const aniEnrollment = await enroll(ani);
    for (const lessonId of course.lessonIds) {
      await lessonCall(ani, aniEnrollment, lessonId, 'start');
      await elapse(ctx, aniEnrollment, 20);
      await lessonCall(ani, aniEnrollment, lessonId, 'heartbeat');
      await lessonCall(ani, aniEnrollment, lessonId, 'complete');
    }
    const budiEnrollment = await enroll(budi);
    await lessonCall(budi, budiEnrollment, course.lessonIds[0], 'start');
    await lessonCall(budi, budiEnrollment, course.lessonIds[0], 'complete');
    await lessonCall(budi, budiEnrollment, course.lessonIds[1], 'start');
    await enroll(citra);

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

  const cellsOf = async (rowName: string) =>
    (await page.getByRole('row', { name: rowName }).getByRole('cell').allInnerTexts()).map((c) =>
      c.trim(),
    );

  it('shows the totals and the completion funnel per lesson', async () => {
    await page.goto(`${base}/instructor/courses/${course.courseId}/reports`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(instructor.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Laporan kursus' }).waitFor();

    const totals = page.getByRole('region', { name: 'Ringkasan' });
    await totals.getByText('Peserta terdaftar').waitFor();
    const totalsText = await totals.innerText();
    expect(totalsText).toMatch(/Peserta terdaftar\s+3/);
    expect(totalsText).toMatch(/Selesai\s+1/);
    expect(totalsText).toMatch(/Rata-rata kemajuan\s+50%/); // (100 + 50 + 0) / 3

    await page.getByText('Dari 3 peserta pada versi 1').waitFor();
    // started, completed, completed of the 3 enrolled
    expect((await cellsOf('1. Pelajaran 1 (teks)')).slice(0, 3)).toEqual(['2', '2', '67%']);
    expect((await cellsOf('2. Pelajaran 2 (teks)')).slice(0, 3)).toEqual(['2', '1', '33%']);
    expect(await page.getByTestId('funnel-bar').count()).toBe(2);
    await checkPage(page, 'instructor-course-report', STAFF_VIEWPORTS);
  });

  it('lists the roster with progress, and filters it by status', async () => {
    const roster = page.getByRole('region', { name: 'Daftar peserta' });
    await roster.getByText('Ani Wulandari').waitFor();
    expect(await roster.getByRole('row').count()).toBe(4); // header + 3 learners
    const ani = await roster.getByRole('row', { name: /Ani Wulandari/ }).innerText();
    expect(ani).toContain('Selesai');
    expect(ani).toContain('100%');
    const budi = await roster.getByRole('row', { name: /Budi Santoso/ }).innerText();
    expect(budi).toContain('Sedang berjalan');
    expect(budi).toContain('50%');

    await roster.getByLabel('Status', { exact: true }).click();
    await page.getByRole('option', { name: 'Belum dimulai' }).click();
    await page.waitForURL(/status=not_started/);
    await roster.getByText('Citra Lestari').waitFor();
    await roster.getByText('Ani Wulandari').waitFor({ state: 'detached' });
    expect(await roster.getByRole('row').count()).toBe(2);
  });
});
