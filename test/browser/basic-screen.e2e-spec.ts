import { Browser, Page, Route } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, launchChromium, PHONE, serveOnLoopback } from '../support/browser';
import { createPublishedCourse, SeededCourse } from '../support/course-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from '../support/test-app';

/**
 * The basic first screen on a slow connection: while the app's entry script is held back (as a
 * slow phone network would), a plain-HTML sign-in form and "My training" list work against the
 * real API, and the app, once it arrives, takes over the session signed in to there and never
 * drops what is being typed. On a fast connection nothing of it appears.
 */
describe('web app basic first screen on a slow connection (Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let learner: SeededUser;
  let course: SeededCourse;
  let title: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    const admin = await seedUser(ctx, Role.Admin);
    learner = await seedUser(ctx, Role.Learner, null, { name: 'Wati Lambat' });
    course = await createPublishedCourse(ctx, admin, { enrollmentMode: 'open' });
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const view = await ctx
      .http()
      .get(`/api/v1/courses/${course.courseId}`)
      .set(bearer(learner))
      .expect(200);
    title = view.body.published.titleId as string;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const courseTitle = () => title;

  /** A phone on a slow network (400 ms per request), with the app's entry script held back. */
  async function slowPhone(signedIn: boolean) {
    const context = await browser.newContext({ locale: 'id-ID', viewport: PHONE });
    if (signedIn) {
      const res = await context.request.post(`${base}/api/v1/auth/browser/login`, {
        headers: { 'X-CSRF': '1', Origin: base },
        data: { email: learner.email, password: TEST_PASSWORD },
      });
      expect(res.status()).toBe(200);
    }
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: 200 * 1024,
      uploadThroughput: 200 * 1024,
    });
    const held: Route[] = [];
    let holding = true;
    await page.route(/\/assets\/index-[\w-]+\.js$/, (route) =>
      holding ? void held.push(route) : route.continue(),
    );
    const releaseApp = async () => {
      holding = false;
      await Promise.all(held.map((route) => route.continue()));
    };
    return { context, page, releaseApp };
  }

  const basicForm = (page: Page) => page.locator('main.bs form');
  const appShell = (page: Page) => page.getByRole('button', { name: 'Menu pengguna' });

  it('signs in through the basic form, lists My training with working links, then the app takes the session over', async () => {
    const { context, page, releaseApp } = await slowPhone(false);
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    await basicForm(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page
      .getByText(
        'Koneksi Anda lambat: halaman sederhana ini tampil selagi aplikasi lengkap dimuat.',
      )
      .waitFor();
    await checkPage(page, 'basic-screen-sign-in', [PHONE]);

    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByText('Periksa kembali isian Anda.').waitFor();
    await page.getByLabel('E-mail').fill(learner.email);
    await page.getByLabel('Kata sandi').fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').getByText('E-mail atau kata sandi salah.').waitFor();
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();

    const training = page.getByRole('region', { name: 'Pelatihan saya' });
    const link = training.getByRole('link', { name: courseTitle() });
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe(`/courses/${course.courseId}`);
    await training.getByText('Belum dimulai · 0% selesai · Tanpa tenggat').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(appShell(page).count()).resolves.toBe(0);
    await checkPage(page, 'basic-screen-my-training', [PHONE]);

    // The app arrives: it adopts the session (no second sign-in) and shows its own My training.
    await releaseApp();
    await appShell(page).waitFor();
    await page.getByRole('article', { name: courseTitle() }).waitFor();
    await expect(basicForm(page).count()).resolves.toBe(0);
    expect(new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  it('does not replace the form while it is being filled in when the app arrives', async () => {
    const { context, page, releaseApp } = await slowPhone(false);
    const appLoaded = page.waitForResponse(/\/assets\/index-[\w-]+\.js$/);
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    await basicForm(page).waitFor();
    await page.getByLabel('E-mail').fill(learner.email);
    await releaseApp();
    await appLoaded;
    await page.waitForLoadState('networkidle');
    // The app has loaded and waits: the form and what was typed are still there.
    await expect(page.getByLabel('E-mail').inputValue()).resolves.toBe(learner.email);
    await expect(basicForm(page).count()).resolves.toBe(1);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await appShell(page).waitFor();
    await page.getByRole('article', { name: courseTitle() }).waitFor();
    await context.close();
  });

  it('signed in on a cold cache: the list comes first, and its link opens the course', async () => {
    const { context, page, releaseApp } = await slowPhone(true);
    await page.goto(`${base}/`, { waitUntil: 'commit' });
    const link = page
      .getByRole('region', { name: 'Pelatihan saya' })
      .getByRole('link', { name: courseTitle() });
    await link.waitFor();
    await expect(basicForm(page).count()).resolves.toBe(0);
    await releaseApp();
    await link.click();
    await page.waitForURL(`${base}/courses/${course.courseId}`);
    await page.getByRole('heading', { level: 1, name: courseTitle() }).waitFor();
    await context.close();
  });

  it('draws nothing on a fast connection: the app comes first', async () => {
    const context = await browser.newContext({ locale: 'id-ID', viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await page.getByLabel('E-mail').waitFor();
    await expect(page.locator('#bs-style').count()).resolves.toBe(0);
    await expect(basicForm(page).count()).resolves.toBe(0);
    await context.close();
  });
});
