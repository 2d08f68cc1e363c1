import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { Role } from '../src/common/auth/roles';
import { generateVerificationCode } from '../src/modules/certificates/domain/verification-code';
import { SeededCourse, seedCourse, seedEnrollment } from './support/certificate-fixtures';
import { chromiumPath } from './support/system-tools';
import { createTestContext, seedOrganization, seedUser, TestContext } from './support/test-app';

const SCREENSHOTS = join(__dirname, '..', 'test-artifacts', 'screenshots');
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
];
const NIK = '3171234567890001';
const DAY = 24 * 60 * 60 * 1000;

type Status = 'valid' | 'expired' | 'revoked' | 'superseded' | 'unknown';

const BANNERS: Record<Status, { id: string; en: string }> = {
  valid: { id: 'Sertifikat sah', en: 'Valid certificate' },
  expired: { id: 'Sertifikat kedaluwarsa', en: 'Expired certificate' },
  revoked: { id: 'Sertifikat dicabut', en: 'Revoked certificate' },
  superseded: { id: 'Sertifikat telah diganti', en: 'Superseded certificate' },
  unknown: { id: 'Sertifikat tidak ditemukan', en: 'Certificate not found' },
};

describe('public verification page in Chromium without JavaScript', () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  let course: SeededCourse;
  let org: string;
  const codes = {} as Record<Status, string>;
  let issued = 0;

  /** A published certificate row as the issuance pipeline leaves it, with the given lifecycle columns. */
  async function insertCertificate(columns: Record<string, unknown>): Promise<string> {
    const learner = await seedUser(ctx, Role.Learner, org);
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    const values: Record<string, unknown> = {
      enrollment_id: enrollmentId,
      user_id: learner.id,
      organization_id: org,
      course_id: course.courseId,
      course_version_id: course.versionId,
      number: `K3/${course.competencyCode}/2026/${String(++issued).padStart(6, '0')}`,
      verification_code: generateVerificationCode(),
      status: 'issued',
      completed_at: new Date(Date.now() - 30 * DAY),
      issued_at: new Date(Date.now() - 30 * DAY),
      expires_at: new Date(Date.now() + 3 * 365 * DAY),
      learner_name: 'Siti Rahayu Ñuñez binti Abdurrahman',
      learner_id_kind: 'nik',
      learner_id_value: NIK,
      course_title_id: 'Pembinaan dan Sertifikasi Ahli Keselamatan dan Kesehatan Kerja (K3) Umum',
      course_title_en: 'Certification of General Occupational Safety and Health (OSH) Experts',
      competency_code: course.competencyCode,
      jp_hours: 120,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ...columns,
    };
    const names = Object.keys(values);
    const [row] = await ctx.db.query(
      `INSERT INTO certificates (${names.join(', ')})
       VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return row.id;
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    org = await seedOrganization(ctx);
    const instructor = await seedUser(ctx, Role.Instructor);
    course = await seedCourse(ctx, instructor.id);
    for (const status of ['valid', 'expired', 'revoked', 'superseded'] as const) {
      codes[status] = generateVerificationCode();
    }
    codes.unknown = 'A'.repeat(26);
    await insertCertificate({
      verification_code: codes.valid,
      pdf_signer_subject: 'CN=PT Contoh K3 Nusantara Sejahtera\nO=Lembaga Sertifikasi Profesi K3',
    });
    await insertCertificate({
      verification_code: codes.expired,
      issued_at: new Date(Date.now() - 3 * 365 * DAY),
      completed_at: new Date(Date.now() - 3 * 365 * DAY),
      expires_at: new Date(Date.now() - 10 * DAY),
    });
    await insertCertificate({
      verification_code: codes.revoked,
      pdf_signer_subject: 'CN=K3 LMS\nO=K3 LMS',
      status: 'revoked',
      revoked_at: new Date(Date.now() - 2 * DAY),
      revoked_reason: 'Peserta terbukti <b>curang</b> saat ujian akhir',
    });
    const replacement = await insertCertificate({ number: 'K3/AK3U/2026/000123', version: 2 });
    await insertCertificate({
      verification_code: codes.superseded,
      number: 'K3/AK3U/2026/000123',
      status: 'superseded',
      superseded_by_id: replacement,
      superseded_reason: 'reissue',
      superseded_at: new Date(Date.now() - DAY),
    });

    await ctx.app.listen(0, '127.0.0.1');
    const { port } = ctx.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  const cases = (['valid', 'expired', 'revoked', 'superseded', 'unknown'] as const).flatMap(
    (status) => VIEWPORTS.map((viewport) => ({ status, viewport })),
  );

  it.each(cases)(
    '$status at $viewport.width px: banner shown, no horizontal scroll, no CSP violation',
    async ({ status, viewport }) => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport,
        locale: 'id-ID',
      });
      try {
        const page = await context.newPage();
        const console: string[] = [];
        page.on('console', (m) => console.push(m.text()));
        const external: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith(`${base}/`)) external.push(r.url());
        });
        const response = await page.goto(`${base}/verify/${codes[status]}`);
        expect(response?.status()).toBe(status === 'unknown' ? 404 : 200);

        const banner = page.locator(`[data-status="${status}"] h1`);
        expect(await banner.isVisible()).toBe(true);
        expect(await banner.innerText()).toBe(BANNERS[status].id);
        // Colour is never the only signal, but it must come through: the page's style is applied.
        expect(
          await banner.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).color),
        ).toBe('rgb(255, 255, 255)');

        // Playwright evaluates through DevTools, which works with the page's scripts disabled.
        const scroll = await page.locator('html').evaluate((html) => ({
          width: html.scrollWidth, // document.documentElement
          viewport: html.ownerDocument.defaultView!.innerWidth,
        }));
        expect(scroll.width).toBeLessThanOrEqual(scroll.viewport);

        if (status !== 'unknown') {
          const main = await page.locator('main').innerText();
          expect(main).toContain('Siti Rahayu Ñuñez binti Abdurrahman');
          expect(main).toContain('3171********0001');
          expect(main).not.toContain(NIK);
          const nik = page.locator('.ident');
          const box = await nik.boundingBox();
          const lineHeight = await nik.evaluate((el) =>
            parseFloat(el.ownerDocument.defaultView!.getComputedStyle(el).lineHeight),
          );
          expect(box!.height).toBeLessThan(lineHeight * 1.5); // the masked NIK stays on one line
        }
        if (status === 'revoked') {
          expect(await page.locator('.explain').innerText()).toContain(
            'Peserta terbukti <b>curang</b> saat ujian akhir',
          );
        }
        if (status !== 'unknown') {
          const card = page.locator('section.credential');
          const signedBy = page.locator('[data-signed-by]');
          // Only rows that recorded their signer say who signed (the expired one predates it).
          const signer = {
            valid: 'PT Contoh K3 Nusantara Sejahtera (Lembaga Sertifikasi Profesi K3)',
            revoked: 'K3 LMS',
          }[status as string];
          if (signer) {
            expect(await signedBy.innerText()).toBe(signer);
            expect(await card.innerText()).toContain(
              `Ditandatangani secara digital oleh ${signer}`,
            );
          } else {
            expect(await signedBy.count()).toBe(0);
            expect(await card.innerText()).not.toContain('Ditandatangani');
          }
          const credentialStatus = {
            valid: 'aktif',
            expired: 'kedaluwarsa',
            revoked: 'dicabut',
            superseded: 'aktif',
          }[status];
          expect(await page.locator('[data-credential-status]').innerText()).toBe(credentialStatus);
          const linkedIn = page.getByRole('link', { name: /Tambahkan ke profil LinkedIn/ });
          const download = page.getByRole('link', { name: 'Unduh kredensial (Open Badges 3.0)' });
          if (status === 'valid' || status === 'expired') {
            const href = new URL((await linkedIn.getAttribute('href'))!);
            expect(href.origin + href.pathname).toBe('https://www.linkedin.com/profile/add');
            expect(href.searchParams.get('certUrl')).toBe(`http://k3.test/verify/${codes[status]}`);
            expect(href.searchParams.has('expirationYear')).toBe(true);
            expect(await download.getAttribute('href')).toBe(
              `/api/v1/verify/${codes[status]}/credential`,
            );
          } else {
            expect(await linkedIn.count()).toBe(0);
            expect(await download.count()).toBe(0);
            expect(await card.locator('.withheld').innerText()).toMatch(
              status === 'revoked' ? /telah dicabut/ : /telah diganti/,
            );
          }
        }
        if (status === 'superseded') {
          const link = page.locator('a.replace');
          expect(await link.innerText()).toContain('K3/AK3U/2026/000123 (versi 2)');
          expect(await link.getAttribute('href')).toMatch(/\/verify\/[A-Z2-7]{26}$/);
        }

        await page.screenshot({
          path: join(SCREENSHOTS, `verify-${status}-${viewport.width}.png`),
          fullPage: true,
        });
        expect(console.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);
        expect(external).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('switches language by a plain link, and the English banner follows', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'id-ID' });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/verify/${codes.valid}`);
      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      expect(await page.locator('[data-status] h1').innerText()).toBe(BANNERS.valid.en);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('prints on white, without the language switch, keeping the status colour', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${base}/verify/${codes.revoked}`);
      expect(await page.locator('.lang').isVisible()).toBe(false);
      const banner = page.locator('[data-status="revoked"] h1');
      expect(await banner.innerText()).toBe(BANNERS.revoked.en);
      const colours = await banner.evaluate((el) => {
        const view = el.ownerDocument.defaultView!;
        return {
          banner: view.getComputedStyle(el).backgroundColor,
          body: view.getComputedStyle(el.ownerDocument.body).backgroundColor,
        };
      });
      expect(colours).toEqual({ banner: 'rgb(224, 49, 49)', body: 'rgb(255, 255, 255)' });
      await page.screenshot({
        path: join(SCREENSHOTS, 'verify-revoked-print.png'),
        fullPage: true,
      });
    } finally {
      await context.close();
    }
  });
});
