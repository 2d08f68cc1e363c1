import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { Browser, Download, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import {
  completeViaApi,
  certificatesOf,
  seedCourse,
  seedEnrollment,
  SeededCourse,
  unzip,
  waitForStatus,
} from '../support/certificate-fixtures';
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

/**
 * HR in Chromium against the real API and worker: filters the compliance matrix and exports it,
 * then collects certificates (filters, one PDF, the ZIP of the filtered set, the register).
 */
describe('web app (HR matrix export and certificates, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let hr: SeededUser;
  let ak3u: SeededCourse;
  let listrik: SeededCourse;
  let citra: SeededUser;
  let authorId: string;
  const numbers = new Map<string, string>();

  const certify = async (learner: SeededUser, course: SeededCourse) => {
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
    const [row] = await certificatesOf(ctx, enrollmentId);
    const issued = await waitForStatus(ctx, row.id, 'issued');
    numbers.set(`${learner.id}:${course.competencyCode}`, issued.number);
  };

  beforeAll(async () => {
    ctx = await createTestContext();
    await ctx.startWorker();
    base = await serveOnLoopback(ctx);
    const orgId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    const author = await seedUser(ctx, Role.Instructor);
    authorId = author.id;
    ak3u = await seedCourse(ctx, author.id, { competencyCode: 'AK3U', titleId: 'Ahli K3 Umum' });
    listrik = await seedCourse(ctx, author.id, {
      competencyCode: 'K3LI',
      titleId: 'K3 Listrik',
      titleEn: 'Electrical OSH',
    });
    const ani = await seedUser(ctx, Role.Learner, orgId, { name: 'Ani Wijaya', employeeId: 'E-1' });
    const budi = await seedUser(ctx, Role.Learner, orgId, {
      name: 'Budi Santoso',
      employeeId: 'E-2',
    });
    citra = await seedUser(ctx, Role.Learner, orgId, {
      name: 'Citra Dewi',
      employeeId: 'E-3',
    });
    await certify(ani, ak3u);
    await certify(budi, ak3u);
    await certify(budi, listrik);
    await seedEnrollment(ctx, citra, listrik); // in training, no certificate

    browser = await launchChromium();
    const context = await browser.newContext({
      locale: 'id-ID',
      viewport: DESKTOP,
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const downloadBy = async (button: string): Promise<{ name: string; body: Buffer }> => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    const file = await (download as Download).path();
    return { name: (download as Download).suggestedFilename(), body: readFileSync(file) };
  };
  const rowNames = async () =>
    (await page.getByRole('rowheader').allInnerTexts()).map((t) => t.split('\n')[0].trim());

  it('filters the matrix and exports the filtered set as CSV, in Indonesian', async () => {
    await page.goto(`${base}/hr/matrix`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(hr.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Matriks kepatuhan' }).waitFor();
    await page.getByRole('rowheader', { name: /Citra Dewi/ }).waitFor();
    expect(await rowNames()).toEqual(['Ani Wijaya', 'Budi Santoso', 'Citra Dewi']);
    await page.getByText('Arti status sel').waitFor();

    await page.getByLabel('Status', { exact: true }).selectOption('in_progress');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/state=in_progress/);
    await page.getByRole('rowheader', { name: /Ani Wijaya/ }).waitFor({ state: 'detached' });
    await expect(rowNames()).resolves.toEqual(['Citra Dewi']);

    await page.getByLabel('Cari nama, atau awal e-mail, ID karyawan, NIK').fill('E-');
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL((url) => !url.searchParams.has('state'));
    await page.getByRole('rowheader', { name: /Ani Wijaya/ }).waitFor();

    await page.getByLabel('Status', { exact: true }).selectOption('valid');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/state=valid/);
    await page.getByRole('rowheader', { name: /Citra Dewi/ }).waitFor({ state: 'detached' });
    await expect(rowNames()).resolves.toEqual(['Ani Wijaya', 'Budi Santoso']);
    await checkPage(page, 'hr-matrix-filtered', HR_VIEWPORTS);

    const csv = await downloadBy('Unduh CSV');
    expect(csv.name).toMatch(/^compliance-matrix-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(csv.body.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'ID karyawan',
      'NIK',
      'Nama',
      'E-mail',
      'AK3U',
      'AK3U berlaku hingga',
      'K3LI',
      'K3LI berlaku hingga',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4], r[6]])).toEqual([
      ['E-1', 'Ani Wijaya', 'Berlaku', 'Belum ada'],
      ['E-2', 'Budi Santoso', 'Berlaku', 'Berlaku'],
    ]);
    await page.getByText(/Selesai: .* diunduh\./).waitFor();
  });

  it('filters certificates by course, employee and expiry dates', async () => {
    await page.getByRole('link', { name: 'Sertifikat' }).click();
    await page.getByRole('heading', { name: 'Sertifikat karyawan' }).waitFor();
    await page.getByRole('rowheader', { name: /Ani Wijaya/ }).waitFor();
    await expect(page.getByRole('rowheader').count()).resolves.toBe(3);
    await checkPage(page, 'hr-certificates', HR_VIEWPORTS);

    await page.getByLabel('Kursus').selectOption({ label: 'K3 Listrik' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/courseId=/);
    await page.getByRole('rowheader', { name: /Ani Wijaya/ }).waitFor({ state: 'detached' });
    await expect(rowNames()).resolves.toEqual(['Budi Santoso']);

    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await page.getByRole('rowheader', { name: /Ani Wijaya/ }).waitFor();
    const employee = page.getByRole('combobox', { name: 'Karyawan' });
    await employee.fill('Ani');
    await page.getByRole('option', { name: 'Ani Wijaya (E-1)' }).click();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/userId=/);
    await page
      .getByRole('rowheader', { name: /Budi Santoso/ })
      .first()
      .waitFor({ state: 'detached' });
    await expect(rowNames()).resolves.toEqual(['Ani Wijaya']);

    // Issued today for 36 months: nothing ends within the coming year.
    const inAYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Berakhir sampai tanggal').fill(inAYear);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Tidak ada sertifikat yang cocok.').waitFor();
    await page.getByLabel('Berakhir sampai tanggal').fill('');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByRole('rowheader', { name: /Ani Wijaya/ }).waitFor();
    await checkPage(page, 'hr-certificates-filtered', HR_VIEWPORTS);
  });

  it('downloads one PDF, the ZIP of the filtered set (opened) and the register', async () => {
    const pdf = await downloadBy('Unduh PDF');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    const zip = await downloadBy('Unduh ZIP');
    expect(zip.name).toMatch(/^certificates-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = await unzip(zip.body);
    expect([...files.keys()]).toHaveLength(1);
    const [[fileName, content]] = [...files];
    expect(fileName).toContain('Ani Wijaya');
    expect(content.subarray(0, 5).toString()).toBe('%PDF-');
    await page.getByText(/Selesai: .* diunduh\./).waitFor();

    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await page
      .getByRole('rowheader', { name: /Budi Santoso/ })
      .first()
      .waitFor();
    const all = await unzip((await downloadBy('Unduh ZIP')).body);
    expect(all.size).toBe(3);

    const register = await downloadBy('Register CSV');
    const rows = parse(register.body.toString('utf8'), { bom: true }) as string[][];
    expect(rows[0].slice(0, 4)).toEqual(['number', 'version', 'status', 'learner_name']);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([...numbers.values()].sort());
    expect(rows.slice(1).every((r) => r[2] === 'valid')).toBe(true);
  });

  it('keeps a wide matrix scrolling inside its box at tablet width, names column fixed', async () => {
    for (let i = 1; i <= 12; i += 1) {
      const course = await seedCourse(ctx, authorId, { competencyCode: `EXTRA-${i}` });
      await seedEnrollment(ctx, citra, course);
    }
    await page.setViewportSize(TABLET);
    await page.goto(`${base}/hr/matrix`);
    await page.getByRole('columnheader', { name: 'EXTRA-9' }).waitFor();
    const region = page.getByRole('region', { name: /Matriks kepatuhan/ });
    type Box = { scrollWidth: number; clientWidth: number; scrollLeft: number };
    const { scrollWidth, clientWidth } = await region.evaluate((el) => {
      const box = el as unknown as Box;
      return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
    });
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    const nameCell = page.getByRole('rowheader', { name: /Citra Dewi/ });
    const before = await nameCell.boundingBox();
    await region.evaluate((el) => {
      const box = el as unknown as Box;
      box.scrollLeft = box.scrollWidth;
    });
    await page.waitForTimeout(100);
    const after = await nameCell.boundingBox();
    // Sticky: the region scrolled by hundreds of pixels, the name cell stayed within a pixel.
    expect(Math.abs(after!.x - before!.x)).toBeLessThanOrEqual(1);
    await checkPage(page, 'hr-matrix-wide', HR_VIEWPORTS);
  });
});
