import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import { checkPage, DESKTOP, launchChromium, serveOnLoopback } from '../support/browser';
import {
  certificatesOf,
  completeViaApi,
  seedCourse,
  SeededCourse,
  seedEnrollment,
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
const ADMIN_VIEWPORTS = [TABLET, DESKTOP];
const BOUNCING = 'pindah-kerja@contoh.test';

async function signIn(page: Page, base: string, path: string, email: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Kata sandi').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/**
 * The admin area in Chromium against the real API, worker, PostgreSQL, Redis and an SMTP sink:
 * organizations (a deactivation locks its HR out, session and sign-in), users, course staff, a
 * certificate render that really fails and is retried to issued, a bounced e-mail (suppressed,
 * unblocked, sent again), the audit log and the queue dashboard.
 */
describe('web app (admin area, in Chromium)', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let page: Page;
  let hrContext: BrowserContext;
  let admin: SeededUser;
  let owner: SeededUser;
  let coInstructor: SeededUser;
  let course: SeededCourse;
  let orgId: string;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    smtp.behaviour = ({ to }) =>
      to === BOUNCING ? { code: 550, message: '5.1.1 User unknown' } : null;
    ctx = await createTestContext({
      SMTP_URL: smtp.url,
      CERTIFICATE_RENDER_ATTEMPTS: '2',
      CERTIFICATE_RENDER_BACKOFF_MS: '100',
    });
    await ctx.startWorker();
    base = await serveOnLoopback(ctx);
    admin = await seedUser(ctx, Role.Admin, null, { name: 'Adi Admin' });
    owner = await seedUser(ctx, Role.Instructor, null, { name: 'Ibu Pemilik' });
    coInstructor = await seedUser(ctx, Role.Instructor, null, {
      name: 'Pak Pendamping',
      email: 'pendamping@contoh.test',
    });
    orgId = await seedOrganization(ctx, 'PTUJI');
    course = await seedCourse(ctx, owner.id, {
      titleId: 'K3 Konstruksi',
      titleEn: 'Construction OSH',
    });

    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'id-ID', viewport: DESKTOP });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
    hrContext = await browser.newContext({ locale: 'id-ID', viewport: DESKTOP });
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
    await smtp?.close();
  });

  const rowOf = (text: string) => page.getByRole('row', { name: new RegExp(text) });

  it('signs the admin in to the overview, which names every section', async () => {
    await signIn(page, base, '/admin', admin.email);
    await page.getByRole('heading', { name: 'Administrasi' }).waitFor();
    for (const section of [
      'Organisasi',
      'Pengguna',
      'Staf kursus',
      'Sertifikat gagal',
      'Log audit',
    ]) {
      // In the area's navigation and on its card.
      await page.getByRole('link', { name: section, exact: true }).nth(1).waitFor();
    }
    await checkPage(page, 'admin-home', ADMIN_VIEWPORTS);
  });

  it('creates an organization; deactivating it locks its HR out (session and sign-in)', async () => {
    await page
      .getByRole('navigation', { name: 'Area admin' })
      .getByRole('link', { name: 'Organisasi' })
      .click();
    await page.getByRole('heading', { name: 'Organisasi', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Organisasi baru' }).click();
    await page.getByLabel('Nama').fill('PT Baja Aman');
    await page.getByLabel('Kode').fill('BAJA');
    await checkPage(page, 'admin-organizations-create', ADMIN_VIEWPORTS);
    // A dirty form asks before the page is left.
    await page
      .getByRole('navigation', { name: 'Area admin' })
      .getByRole('link', { name: 'Pengguna' })
      .click();
    await page.getByRole('dialog', { name: 'Tinggalkan tanpa menyimpan?' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click();
    await expect(page.getByLabel('Nama').inputValue()).resolves.toBe('PT Baja Aman');
    await page.getByRole('button', { name: 'Buat organisasi' }).click();
    await page.getByText('PT Baja Aman (BAJA) telah dibuat.').waitFor();
    const [baja] = await ctx.db.query(
      `SELECT id, is_active FROM organizations WHERE code = 'BAJA'`,
    );
    expect(baja.is_active).toBe(true);
    await rowOf('PT Baja Aman').waitFor();
    await checkPage(page, 'admin-organizations', ADMIN_VIEWPORTS);

    // HR of PT Baja Aman is signed in in another browser.
    const hr = await seedUser(ctx, Role.Hr, baja.id, { name: 'Hana HRD' });
    const hrPage = await hrContext.newPage();
    hrPage.setDefaultTimeout(15_000);
    await signIn(hrPage, base, '/hr/employees', hr.email);
    await hrPage.getByRole('heading', { name: 'Karyawan', exact: true }).waitFor();

    await rowOf('PT Baja Aman').getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByRole('dialog', { name: 'Nonaktifkan PT Baja Aman?' }).waitFor();
    await page.getByText('langsung keluar dan tidak dapat masuk', { exact: false }).waitFor();
    await checkPage(page, 'admin-organizations-deactivate-confirm', ADMIN_VIEWPORTS);
    await page.getByRole('dialog').getByRole('button', { name: 'Nonaktifkan' }).click();
    await rowOf('PT Baja Aman').getByText('Nonaktif', { exact: true }).waitFor();
    const [off] = await ctx.db.query('SELECT is_active FROM organizations WHERE id = $1', [
      baja.id,
    ]);
    expect(off.is_active).toBe(false);

    // The existing session: its access token and its refresh token are refused.
    await ctx.http().get('/api/v1/me').set(bearer(hr)).expect(401);
    await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: hr.refreshToken })
      .expect(401);
    // In the browser: the next page load cannot refresh the session and lands on sign-in.
    await hrPage.reload();
    await hrPage.waitForURL(/\/login/);
    // Signing in again is refused (answered like a wrong password: see the report for why).
    await hrPage.getByLabel('E-mail').fill(hr.email);
    await hrPage.getByLabel('Kata sandi').fill(TEST_PASSWORD);
    await hrPage.getByRole('button', { name: 'Masuk' }).click();
    await hrPage.getByText('E-mail atau kata sandi salah.').waitFor();
    await expect(hrPage.url()).toMatch(/\/login/);

    // Reactivated: the HR may sign in again.
    await rowOf('PT Baja Aman').getByRole('button', { name: 'Aktifkan kembali' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Aktifkan kembali' }).click();
    await rowOf('PT Baja Aman').getByText('Aktif', { exact: true }).waitFor();
    await hrPage.getByRole('button', { name: 'Masuk' }).click();
    await hrPage.getByRole('heading', { name: 'Karyawan', exact: true }).waitFor();
    await hrPage.close();
  });

  it('lists users of every role, creates one and deactivates one after confirming', async () => {
    await page.goto(`${base}/admin/users`);
    await page.getByRole('heading', { name: 'Pengguna', exact: true }).waitFor();
    await rowOf('Adi Admin').waitFor();
    await page.getByLabel('Peran').selectOption({ label: 'Instruktur' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/role=instructor/);
    await waitFor('only instructors listed', async () =>
      (await rowOf('Adi Admin').count()) === 0 ? true : undefined,
    );
    await rowOf('Pak Pendamping').waitFor();
    await rowOf('Ibu Pemilik').waitFor();
    await checkPage(page, 'admin-users', ADMIN_VIEWPORTS);

    await page.getByRole('button', { name: 'Pengguna baru' }).click();
    const form = page.getByRole('region', { name: 'Pengguna baru' });
    await form.getByLabel('Nama').fill('Lia Peserta');
    await form.getByLabel('E-mail').fill('lia@contoh.test');
    await form.getByLabel('Peran').selectOption({ label: 'Peserta' });
    // The organization is found by typing: the server searches, however many there are.
    await form.getByLabel('Organisasi').fill('uji co');
    await page.getByRole('option', { name: 'PT Uji Coba' }).click();
    await form.getByLabel('ID karyawan (opsional)').fill('LIA-1');
    await checkPage(page, 'admin-users-create', ADMIN_VIEWPORTS);
    await form.getByRole('button', { name: 'Buat dan kirim undangan' }).click();
    await page.getByText('Lia Peserta (lia@contoh.test) telah dibuat dan diundang.').waitFor();
    const [lia] = await ctx.db.query(
      `SELECT id, role, organization_id, is_active FROM users WHERE email = 'lia@contoh.test'`,
    );
    expect(lia).toMatchObject({ role: 'learner', organization_id: orgId, is_active: true });
    await waitFor('the invitation e-mail', async () =>
      smtp.byRecipient('lia@contoh.test').length ? true : undefined,
    );

    await page.getByLabel('Peran').selectOption({ label: 'Peserta' });
    await page.getByRole('search').getByLabel('Organisasi', { exact: true }).first().fill('PT Uji');
    await page.getByRole('option', { name: 'PT Uji Coba' }).click();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(new RegExp(`organizationId=${orgId}`));
    await expect(rowOf('Lia Peserta').innerText()).resolves.toContain('PT Uji Coba');
    await rowOf('Lia Peserta').getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByRole('dialog', { name: 'Nonaktifkan Lia Peserta?' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByText('Lia Peserta dinonaktifkan.').waitFor();
    const [liaOff] = await ctx.db.query('SELECT is_active FROM users WHERE id = $1', [lia.id]);
    expect(liaOff.is_active).toBe(false);
  });

  it("manages a course's staff: adds a co-instructor, removes them after confirming", async () => {
    await page.goto(`${base}/admin/course-staff`);
    await page.getByRole('heading', { name: 'Staf kursus', exact: true }).waitFor();
    const [{ code }] = await ctx.db.query('SELECT code FROM courses WHERE id = $1', [
      course.courseId,
    ]);
    await page
      .getByLabel('Kursus', { exact: true })
      .selectOption({ label: `K3 Konstruksi (${code})` });
    const staff = page.getByRole('table', { name: 'Staf kursus' });
    await staff.getByRole('row', { name: /Ibu Pemilik/ }).waitFor();
    await page.getByLabel('E-mail instruktur').fill(coInstructor.email);
    await page.getByRole('button', { name: 'Tambah', exact: true }).click();
    await page.getByText(`${coInstructor.email} kini termasuk staf.`).waitFor();
    await staff.getByRole('row', { name: /Pak Pendamping/ }).waitFor();
    await checkPage(page, 'admin-course-staff', ADMIN_VIEWPORTS);
    const staffRows = async () =>
      (
        await ctx.db.query('SELECT user_id, role FROM course_staff WHERE course_id = $1', [
          course.courseId,
        ])
      ).length;
    expect(await staffRows()).toBe(2);

    await staff
      .getByRole('row', { name: /Pak Pendamping/ })
      .getByRole('button', { name: 'Keluarkan' })
      .click();
    await page.getByRole('dialog', { name: 'Keluarkan Pak Pendamping dari staf?' }).waitFor();
    await checkPage(page, 'admin-course-staff-remove-confirm', ADMIN_VIEWPORTS);
    await page.getByRole('dialog').getByRole('button', { name: 'Keluarkan' }).click();
    await waitFor('the removal', async () =>
      (await staff.getByRole('row', { name: /Pak Pendamping/ }).count()) === 0 ? true : undefined,
    );
    expect(await staffRows()).toBe(1);
  });

  it('retries a certificate whose render really failed: it is then issued', async () => {
    // A learner whose address bounces completes first (their certificate is issued; its e-mail
    // bounces), which also creates the certificates directory.
    const bouncing = await seedUser(ctx, Role.Learner, orgId, {
      name: 'Budi Pindah',
      email: BOUNCING,
    });
    const bouncingEnrollment = await seedEnrollment(ctx, bouncing, course);
    await completeViaApi(ctx, bouncing, bouncingEnrollment, course.lessonId);
    const [issued] = await certificatesOf(ctx, bouncingEnrollment);
    await waitForStatus(ctx, issued.id, 'issued');

    // A file where the certificates directory should be: every write fails (ENOTDIR).
    const blocker = join(ctx.config.storageDir, 'certificates');
    const moved = `${blocker}.moved`;
    renameSync(blocker, moved);
    writeFileSync(blocker, 'not a directory');
    const unblock = () => {
      if (statSync(blocker).isFile()) {
        rmSync(blocker);
        renameSync(moved, blocker);
      }
    };
    try {
      const learner = await seedUser(ctx, Role.Learner, orgId, { name: 'Sari Gagal' });
      const enrollmentId = await seedEnrollment(ctx, learner, course);
      await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
      const [row] = await certificatesOf(ctx, enrollmentId);
      const failed = await waitForStatus(ctx, row.id, 'failed');
      unblock();

      await page.goto(`${base}/admin/certificates`);
      await page.getByRole('heading', { name: 'Sertifikat gagal' }).waitFor();
      const line = rowOf(failed.number);
      await expect(line.innerText()).resolves.toMatch(
        /Sari Gagal[\s\S]*K3 Konstruksi[\s\S]*(ENOTDIR|EEXIST|not a directory)/i,
      );
      await checkPage(page, 'admin-failed-renders', ADMIN_VIEWPORTS);
      await line.getByRole('button', { name: 'Coba lagi' }).click();
      await page.getByRole('dialog', { name: `Coba lagi sertifikat ${failed.number}?` }).waitFor();
      await checkPage(page, 'admin-failed-renders-retry-confirm', ADMIN_VIEWPORTS);
      await page.getByRole('dialog').getByRole('button', { name: 'Coba lagi' }).click();
      await page
        .getByText(`Sertifikat ${failed.number} untuk Sari Gagal masuk antrean lagi`, {
          exact: false,
        })
        .waitFor();
      await waitForStatus(ctx, row.id, 'issued');
      await page.reload();
      await page.getByText('Tidak ada sertifikat yang gagal.').waitFor();
    } finally {
      unblock();
    }
  });

  it('unblocks the bounced address and sends its failed e-mail again', async () => {
    await waitFor('the bounce', async () => {
      const [row] = await ctx.db.query(`SELECT status FROM email_outbox WHERE recipient = $1`, [
        BOUNCING,
      ]);
      return row?.status === 'failed' ? true : undefined;
    });
    await page.goto(`${base}/admin/email/suppressions`);
    await page.getByRole('heading', { name: 'Alamat diblokir' }).waitFor();
    await expect(rowOf(BOUNCING).innerText()).resolves.toMatch(/User unknown/i);
    await checkPage(page, 'admin-suppressions', ADMIN_VIEWPORTS);
    await rowOf(BOUNCING).getByRole('button', { name: 'Buka blokir' }).click();
    await page.getByRole('dialog', { name: `Buka blokir ${BOUNCING}?` }).waitFor();
    await checkPage(page, 'admin-suppressions-remove-confirm', ADMIN_VIEWPORTS);
    await page.getByRole('dialog').getByRole('button', { name: 'Buka blokir' }).click();
    await page.getByText(`${BOUNCING} tidak diblokir lagi.`).waitFor();
    expect(
      await ctx.db.query('SELECT 1 FROM email_suppressions WHERE email = $1', [BOUNCING]),
    ).toHaveLength(0);

    // The mailbox works again; the failed e-mail is sent from the outbox.
    smtp.behaviour = () => null;
    await page
      .getByRole('navigation', { name: 'Area admin' })
      .getByRole('link', { name: 'Kotak keluar e-mail' })
      .click();
    await page.getByRole('heading', { name: 'Kotak keluar e-mail' }).waitFor();
    await expect(rowOf(BOUNCING).innerText()).resolves.toMatch(
      /Gagal[\s\S]*550 5\.1\.1 User unknown/i,
    );
    await checkPage(page, 'admin-outbox', ADMIN_VIEWPORTS);
    await rowOf(BOUNCING).getByRole('button', { name: 'Kirim ulang' }).click();
    await page.getByRole('dialog', { name: `Kirim ulang e-mail ke ${BOUNCING}?` }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Kirim ulang' }).click();
    await page.getByText(`E-mail ke ${BOUNCING} masuk antrean lagi.`).waitFor();
    await waitFor('the e-mail sent again', async () =>
      smtp.byRecipient(BOUNCING).length ? true : undefined,
    );
    await page.getByLabel('Status').selectOption({ label: 'Terkirim' });
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await rowOf(BOUNCING).getByText('Terkirim').waitFor();
  });

  it('shows the audit log, filtered by actor, action and days, and refuses a backwards range', async () => {
    await page.goto(`${base}/admin/audit-log`);
    await page.getByRole('heading', { name: 'Log audit' }).waitFor();
    const log = page.getByRole('table', { name: 'Log audit' });
    await log.getByRole('row').nth(1).waitFor();
    await page.getByLabel('Pelaku').fill(admin.email);
    await page.getByLabel('Tindakan', { exact: true }).fill('organization.deactivated');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/action=organization.deactivated/);
    await waitFor('the filtered log', async () =>
      (await log.getByRole('row').count()) === 2 ? true : undefined,
    );
    await expect(log.getByRole('row').nth(1).innerText()).resolves.toMatch(
      /Adi Admin[\s\S]*organization\.deactivated[\s\S]*organization[\s\S]*BAJA/,
    );
    await checkPage(page, 'admin-audit-log', ADMIN_VIEWPORTS);
    // Narrowed to the organization the entry concerns: still there; another one: nothing.
    const organization = page.getByRole('search').getByLabel('Organisasi', { exact: true }).first();
    await organization.fill('baja');
    await page.getByRole('option', { name: 'PT Baja Aman' }).click();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/organizationId=/);
    await waitFor('the entry of that organization', async () =>
      (await log.getByRole('row').count()) === 2 ? true : undefined,
    );
    // Another organization, chosen in a form opened without one: typed over a chosen
    // organization, the new search was reset to the chosen name (Mantine Select).
    const withoutOrganization = new URL(page.url());
    withoutOrganization.searchParams.delete('organizationId');
    await page.goto(withoutOrganization.toString());
    await waitFor('the log without the organization filter', async () =>
      (await log.getByRole('row').count()) === 2 ? true : undefined,
    );
    await page
      .getByRole('search')
      .getByLabel('Organisasi', { exact: true })
      .first()
      .fill('Uji Coba');
    await page.getByRole('option', { name: 'PT Uji Coba' }).click();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Tidak ada entri yang cocok.').waitFor();

    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await page.getByLabel('Dari hari').fill(today);
    await page.getByLabel('Sampai hari (termasuk)').fill('2020-01-01');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Hari mulai harus sama dengan atau sebelum hari akhir.').waitFor();
    await checkPage(page, 'admin-audit-log-bad-range', ADMIN_VIEWPORTS);
    await page.getByRole('button', { name: 'Hapus filter' }).click();
    // The filter form is rebuilt from the cleared address: type only once it has been.
    await page.waitForURL((url) => !url.searchParams.has('action'));
    await waitFor('the cleared form', async () =>
      (await page.getByLabel('Tindakan', { exact: true }).inputValue()) === '' ? true : undefined,
    );
    await page.getByLabel('Tindakan', { exact: true }).fill('certificate.retried');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await waitFor('the retry entry', async () =>
      (await log.getByRole('row').count()) === 2 ? true : undefined,
    );
  });

  it('opens the queue dashboard from the overview (a cookie only for /admin/queues)', async () => {
    await page.goto(`${base}/admin`);
    await page.getByRole('button', { name: 'Buka dasbor antrean' }).click();
    await page.waitForURL(/\/admin\/queues/);
    const cookies = await page.context().cookies(`${base}/admin/queues`);
    expect(cookies.find((c) => c.name === 'k3_access_token')).toMatchObject({
      path: '/admin/queues',
      httpOnly: true,
      sameSite: 'Strict',
    });
    // bull-board lists the application's queues.
    await page.getByText('certificates', { exact: false }).first().waitFor();
    const api = await page.context().cookies(`${base}/api/v1/me`);
    expect(api.find((c) => c.name === 'k3_access_token')).toBeUndefined();
  });
});
