import { readFileSync } from 'node:fs';
import { Browser, Download, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import { seedCourse, seedEnrollment, waitFor } from '../support/certificate-fixtures';
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
const EMPLOYEES = 22; // more than one page (20)
const two = (n: number) => String(n).padStart(2, '0');

/**
 * HR's reports page in Chromium against the real API: the organization's progress paged, its
 * CSV and XLSX exports with the downloaded bytes shown, and the weekly digest switch saved.
 */
describe('web app (HR reports and digest, in Chromium)', () => {
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let hr: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    base = await serveOnLoopback(ctx);
    const orgId = await seedOrganization(ctx);
    const otherOrg = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    const author = await seedUser(ctx, Role.Admin);
    const course = await seedCourse(ctx, author.id, {
      competencyCode: 'K3-LAP',
      titleId: 'K3 Pelaporan',
      titleEn: 'OSH Reporting',
    });
    for (let n = 1; n <= EMPLOYEES; n += 1) {
      const [user] = await ctx.db.query(
        `INSERT INTO users (email, name, role, organization_id, employee_id)
         VALUES ($1, $2, 'learner', $3, $4) RETURNING id`,
        [`lapor${two(n)}@contoh.test`, `Pekerja ${two(n)}`, orgId, `LP-${two(n)}`],
      );
      await seedEnrollment(ctx, { id: user.id, organizationId: orgId }, course);
    }
    await ctx.db.query(
      `UPDATE enrollments SET status = 'completed', percent = 100, completed_at = '2026-11-20T03:00:00Z'
        WHERE user_id = (SELECT id FROM users WHERE employee_id = 'LP-01')`,
    );
    // Another organization's employee never shows up.
    const [outsider] = await ctx.db.query(
      `INSERT INTO users (email, name, role, organization_id) VALUES ('luar@contoh.test', 'Orang Luar', 'learner', $1) RETURNING id`,
      [otherOrg],
    );
    await seedEnrollment(ctx, { id: outsider.id, organizationId: otherOrg }, course);

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
  const names = async () =>
    (await page.getByRole('rowheader').allInnerTexts()).map((t) => t.split('\n')[0].trim());

  it('shows the organization progress, paged, from the HR navigation', async () => {
    await page.goto(`${base}/hr`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(hr.email);
    await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page
      .getByRole('navigation', { name: 'Area HR' })
      .getByRole('link', { name: 'Laporan' })
      .click();
    await page.getByRole('heading', { name: 'Laporan pelatihan' }).waitFor();
    const table = page.getByRole('table', { name: 'Kemajuan organisasi' });
    await table.getByRole('row', { name: /Pekerja 01/ }).waitFor();
    const first = await names();
    expect(first).toHaveLength(20);
    await expect(table.getByRole('row', { name: /Pekerja 01/ }).innerText()).resolves.toMatch(
      /K3 Pelaporan[\s\S]*Selesai[\s\S]*100% · 32 dari 32 JP[\s\S]*Selesai 20 Nov 2026/i,
    );
    await checkPage(page, 'hr-reports', HR_VIEWPORTS);

    await page.getByRole('button', { name: 'Halaman berikutnya' }).click();
    await waitFor('the second page', async () =>
      (await names()).length === EMPLOYEES - 20 ? true : undefined,
    );
    const all = [...first, ...(await names())];
    expect(all.sort()).toEqual(
      Array.from({ length: EMPLOYEES }, (_, i) => `Pekerja ${two(i + 1)}`),
    );
    expect(all).not.toContain('Orang Luar');
    await page.getByRole('button', { name: 'Halaman pertama' }).click();
    await waitFor('the first page', async () => ((await names()).length === 20 ? true : undefined));
  });

  it('exports every row as CSV and XLSX, showing the bytes downloaded', async () => {
    const csv = await downloadBy('Unduh CSV');
    expect(csv.name).toMatch(/^laporan-pelatihan-.+\.csv$/);
    const lines = csv.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'employee_id,name,course_code,course_title,status,percent,jp_done,jp_hours,due_at,overdue,completed_at',
    );
    expect(lines).toHaveLength(EMPLOYEES + 1);
    expect(lines.find((l) => l.startsWith('LP-01,'))).toMatch(/,completed,100,32,32,/);
    await page.getByText(/Selesai: .+ diunduh\./).waitFor();
    await page.mouse.move(0, 0); // no button left in its hover state for the contrast check
    await checkPage(page, 'hr-reports-exported', HR_VIEWPORTS);

    const xlsx = await downloadBy('Unduh XLSX');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('switches the weekly digest e-mail off and on, saved on the account', async () => {
    const digest = async () =>
      (
        await ctx.db.query(
          `SELECT enabled FROM notification_preferences WHERE user_id = $1 AND category = 'digest'`,
          [hr.id],
        )
      )[0]?.enabled;
    const toggle = page.getByRole('switch', { name: 'Kirimi saya ringkasan mingguan HRD' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.click();
    await page.getByText('Tersimpan: Anda tidak lagi menerima ringkasan mingguan.').waitFor();
    expect(await digest()).toBe(false);
    await checkPage(page, 'hr-reports-digest-off', HR_VIEWPORTS);
    await page.reload();
    await expect(toggle.isChecked()).resolves.toBe(false);
    await toggle.click();
    await page.getByText('Tersimpan: Anda akan menerima ringkasan mingguan.').waitFor();
    expect(await digest()).toBe(true);
  });
});
