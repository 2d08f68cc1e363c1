import { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import { seedCertificate, seedCourse, seedEnrollment } from '../support/notification-fixtures';
import {
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

const TABLET = { name: 'tablet', width: 768, height: 1024 };
const HR_VIEWPORTS = [TABLET, DESKTOP];
const DAY = 86_400_000;

/** HR in Chromium against the real API: the compliance dashboard, its click-through, the matrix. */
describe('web app (HR compliance, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let hr: SeededUser;
  let trainee: SeededUser;
  let orgId: string;
  let course: Awaited<ReturnType<typeof seedCourse>>;
  let traineeEnrollment: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    orgId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    const author = await seedUser(ctx, Role.Admin);
    course = await seedCourse(ctx.db, author.id, 'Ahli K3 Umum');
    const certified = await seedUser(ctx, Role.Learner, orgId, { name: 'Ani Sertifikat' });
    const done = await seedEnrollment(ctx.db, {
      userId: certified.id,
      organizationId: orgId,
      course,
      dueAt: null,
      lastActivityAt: new Date(),
      status: 'completed',
    });
    await seedCertificate(ctx.db, {
      enrollmentId: done,
      userId: certified.id,
      organizationId: orgId,
      course,
      expiresAt: new Date(Date.now() + 200 * DAY),
    });
    trainee = await seedUser(ctx, Role.Learner, orgId, { name: 'Budi Pelatihan' });
    traineeEnrollment = await seedEnrollment(ctx.db, {
      userId: trainee.id,
      organizationId: orgId,
      course,
      dueAt: new Date(Date.now() + 10 * DAY),
      lastActivityAt: new Date(),
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
  });

  const cell = (label: string) => page.getByRole('link', { name: label });

  it('signs HR in to the dashboard the digest links to, with real numbers', async () => {
    await page.goto(`${base}/reports/compliance`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(hr.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Dasbor kepatuhan' }).waitFor();
    await cell('1 karyawan: Berlaku, K3-01').waitFor();
    await cell('1 karyawan: Sedang pelatihan, K3-01').waitFor();
    await checkPage(page, 'hr-compliance-dashboard', HR_VIEWPORTS);
  });

  it('opens the filtered matrix from a number', async () => {
    await cell('1 karyawan: Sedang pelatihan, K3-01').click();
    await page.getByRole('heading', { name: 'Matriks kepatuhan' }).waitFor();
    expect(new URL(page.url()).searchParams.get('state')).toBe('in_progress');
    await page.getByRole('rowheader', { name: /Budi Pelatihan/ }).waitFor();
    await expect(page.getByRole('rowheader', { name: /Ani Sertifikat/ }).count()).resolves.toBe(0);
    await checkPage(page, 'hr-compliance-matrix', HR_VIEWPORTS);
  });

  it('shows the change when the trainee is certified', async () => {
    await ctx.db.query(`UPDATE enrollments SET status = 'completed' WHERE id = $1`, [
      traineeEnrollment,
    ]);
    await seedCertificate(ctx.db, {
      enrollmentId: traineeEnrollment,
      userId: trainee.id,
      organizationId: orgId,
      course,
      expiresAt: new Date(Date.now() + 400 * DAY),
    });
    await page.getByRole('link', { name: 'Dasbor kepatuhan' }).click();
    await cell('2 karyawan: Berlaku, K3-01').waitFor();
    await cell('0 karyawan: Sedang pelatihan, K3-01').waitFor();
    await page.getByRole('link', { name: 'Matriks kepatuhan' }).click();
    const row = page.getByRole('row', { name: /Budi Pelatihan/ });
    await expect(row.innerText()).resolves.toMatch(/berlaku/i);
  });
});
