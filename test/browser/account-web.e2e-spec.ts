import { readFileSync } from 'node:fs';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/roles';
import {
  checkPage as checkPageAt,
  launchChromium,
  serveOnLoopback,
  VIEWPORTS,
} from '../support/browser';
import { NotificationsService } from '../../src/modules/notifications/notifications.service';
import {
  binaryParser,
  certificatesOf,
  completeViaApi,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from '../support/certificate-fixtures';
import { ReceivedMail, startSmtpSink, SmtpSink, waitFor } from '../support/smtp-sink';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TestContext,
} from '../support/test-app';

const GOOD_PASSWORD = 'nasi goreng kambing pedas';
const NEW_PASSWORD = 'sate madura di pinggir jalan';

/**
 * Account pages in Chromium against the real API and worker, with the in-process SMTP sink:
 * invitation → set password, forgot → reset, preferences, certificates, unsubscribe.
 */
describe('web app: account, preferences, certificates, e-mail links (Chromium)', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let hr: SeededUser;
  let employee: { id: string; email: string; organizationId: string };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({ SMTP_URL: smtp.url });
    await ctx.startWorker();
    base = await serveOnLoopback(ctx);
    const organizationId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, organizationId);
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'id-ID',
      viewport: VIEWPORTS[1],
      acceptDownloads: true,
    });
    page = await newPage(context);
    const res = await ctx
      .http()
      .post('/api/v1/employees')
      .set(bearer(hr))
      .send({ email: 'dewi@account-web.test', name: 'Dewi Lestari', employeeId: 'AW-1' })
      .expect(201);
    employee = { id: res.body.id, email: 'dewi@account-web.test', organizationId };
  });

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
    await smtp?.close();
  });

  async function newPage(c: BrowserContext): Promise<Page> {
    const p = await c.newPage();
    p.setDefaultTimeout(10_000);
    p.on('pageerror', (e) => process.stderr.write(`[page error] ${e.message}\n`));
    return p;
  }

  /** Screenshots at phone and desktop size, no horizontal scroll, no serious axe violation. */
  async function checkPage(name: string, on: Page = page): Promise<void> {
    await checkPageAt(on, `account-${name}`);
  }

  async function signIn(password: string): Promise<SeededUser> {
    const res = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: employee.email, password })
      .expect(200);
    return {
      id: employee.id,
      email: employee.email,
      role: Role.Learner,
      organizationId: employee.organizationId,
      token: res.body.accessToken,
      refreshToken: res.body.refreshToken,
    };
  }

  async function mailTo(email: string, subject: RegExp, count = 1): Promise<ReceivedMail> {
    const mails = await waitFor(`mail #${count} ${subject} to ${email}`, async () => {
      const got = smtp.byRecipient(email).filter((m) => subject.test(m.parsed.subject ?? ''));
      return got.length >= count ? got : null;
    });
    return mails[count - 1];
  }

  /** The link in the mail, moved to the test server's origin (path and query unchanged). */
  function linkIn(mail: ReceivedMail, pattern: RegExp): string {
    const match = pattern.exec(mail.parsed.text ?? '');
    expect(match).not.toBeNull();
    const url = new URL(match![0]);
    return `${base}${url.pathname}${url.search}`;
  }

  it('invitation mail → set-password page: a common password is refused in words, a good one signs in', async () => {
    const mail = await mailTo(employee.email, /.*/);
    const link = linkIn(mail, /https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Buat kata sandi Anda' }).waitFor();
    await page.getByText('Selamat datang, Dewi Lestari').waitFor();
    await checkPage('set-password');

    await page.getByLabel('Kata sandi baru').fill('abc');
    await page.getByText('3 dari minimal 8 karakter').waitFor();
    await page.getByLabel('Kata sandi baru').fill('password123');
    await page.getByLabel('Ulangi kata sandi').fill('password123');
    await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await page.getByText('Kata sandi ini terlalu umum dan mudah ditebak').waitFor();
    await checkPage('set-password-refused');

    await page.getByLabel('Kata sandi baru').fill(GOOD_PASSWORD);
    await page.getByLabel('Ulangi kata sandi').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await page.waitForURL(`${base}/`);
    await page.getByRole('heading', { name: 'Pelatihan saya' }).waitFor();

    // the used link now says so, in words
    const other = await newPage(await browser.newContext({ locale: 'id-ID' }));
    await other.goto(link);
    await other.getByText('Tautan ini tidak dapat digunakan lagi').waitFor();
    await checkPage('set-password-used', other);
    await other.context().close();
  });

  it('profile: switching to English is saved on the account and applied after a reload', async () => {
    await page.goto(`${base}/preferences`);
    await page.getByRole('heading', { name: 'Preferensi' }).waitFor();
    await checkPage('preferences');
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Preferences' }).waitFor();
    await waitFor('locale saved', async () => {
      const [row] = await ctx.db.query('SELECT locale FROM users WHERE id = $1', [employee.id]);
      return row.locale === 'en';
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Preferences' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');

    await page
      .getByRole('switch', { name: 'Training and certificate reminders' })
      .click({ force: true });
    await page.getByText('Saved.').first().waitFor();
    const learner = await signIn(GOOD_PASSWORD);
    const prefs = await waitFor('reminder off', async () => {
      const res = await ctx
        .http()
        .get('/api/v1/me/notification-preferences')
        .set(bearer(learner))
        .expect(200);
      const items = res.body.items as { category: string; enabled: boolean }[];
      return items.some((p) => p.category === 'reminder' && !p.enabled) ? items : null;
    });
    expect(prefs).toContainEqual({ category: 'reminder', enabled: false });
    await checkPage('preferences-en');
  });

  it('certificates: list, PDF download, share link to the public verification page', async () => {
    const admin = await seedUser(ctx, Role.Admin);
    const course = await seedCourse(ctx, admin.id, {
      titleId: 'Ahli K3 Umum',
      titleEn: 'General OSH Expert',
    });
    const enrollmentId = await seedEnrollment(ctx, employee, course);
    await completeViaApi(ctx, await signIn(GOOD_PASSWORD), enrollmentId, course.lessonId);
    const [pending] = await certificatesOf(ctx, enrollmentId);
    const issued = await waitForStatus(ctx, pending.id, 'issued');
    expect(issued.verification_code).toBeTruthy();

    await page.goto(`${base}/certificates`);
    await page.getByRole('heading', { name: 'General OSH Expert' }).waitFor();
    const url = `${base}/verify/${issued.verification_code}`;
    await page.getByText(url).first().waitFor();
    await checkPage('certificates');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /PDF/ }).first().click(),
    ]);
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 4).toString('latin1')).toBe('%PDF');

    await page.goto(`${base}/certificates/${issued.id}`);
    await page.getByText(url).waitFor();
    // The worker recorded the development signing certificate (CN = O = the issuer name).
    const [signed] = await ctx.db.query(
      'SELECT pdf_signer_subject FROM certificates WHERE id = $1',
      [issued.id],
    );
    expect(signed.pdf_signer_subject).toBe('CN=K3 LMS\nO=K3 LMS');
    expect(await page.getByTestId('signed-by').innerText()).toBe('Digitally signed by K3 LMS');
    expect(await page.getByTestId('credential-status').innerText()).toMatch(/^active$/i);
    await checkPage('certificate');

    const [credentialFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download credential (Open Badges 3.0)' }).click(),
    ]);
    expect(credentialFile.suggestedFilename()).toBe(`${issued.number.replace(/\//g, '-')}.jwt`);
    const jwt = readFileSync(await credentialFile.path(), 'utf8');
    expect(jwt).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const fromApi = await ctx
      .http()
      .get(`/api/v1/certificates/${issued.id}/credential`)
      .set(bearer(await signIn(GOOD_PASSWORD)))
      .buffer(true)
      .parse(binaryParser)
      .expect(200);
    expect(jwt).toBe((fromApi.body as Buffer).toString('utf8'));
    // verifies with jose and the DID document the site publishes, nothing of ours
    const did = (await (await fetch(`${base}/.well-known/did.json`)).json()) as {
      verificationMethod: { id: string; publicKeyJwk: JWK }[];
    };
    const { kid, alg } = decodeProtectedHeader(jwt);
    const method = did.verificationMethod.find((m) => m.id === kid);
    const { payload } = await compactVerify(jwt, await importJWK(method!.publicKeyJwk, alg));
    expect(JSON.parse(Buffer.from(payload).toString('utf8')).id).toBe(`urn:uuid:${issued.id}`);

    const view = await ctx
      .http()
      .get(`/api/v1/certificates/${issued.id}`)
      .set(bearer(await signIn(GOOD_PASSWORD)))
      .expect(200);
    const linkedIn = page.getByRole('link', { name: /Add to LinkedIn profile/ });
    expect(await linkedIn.getAttribute('href')).toBe(view.body.credential.linkedInUrl);
    const params = new URL((await linkedIn.getAttribute('href'))!).searchParams;
    expect(params.get('certUrl')).toBe(view.body.verifyUrl);
    expect(params.get('name')).toBe('Ahli K3 Umum');
    expect(await linkedIn.getAttribute('target')).toBe('_blank');
    expect(await linkedIn.getAttribute('rel')).toContain('noopener');

    await page.getByRole('link', { name: url }).click();
    await page.waitForURL(url);
    await page.getByText(issued.number).first().waitFor();

    // the API offers a renewal (open course, issued certificate): the page shows it and it starts
    await page.goto(`${base}/certificates/${issued.id}`);
    await page.getByRole('button', { name: 'Renew' }).click();
    await page.waitForURL(`${base}/courses/${course.courseId}`);
    const renewals = await ctx.db.query(
      'SELECT id FROM enrollments WHERE renewal_of_certificate_id = $1',
      [issued.id],
    );
    expect(renewals).toHaveLength(1);

    // revoked: the status says so, and neither the download nor LinkedIn is offered
    await ctx
      .http()
      .post(`/api/v1/certificates/${issued.id}/revoke`)
      .set(bearer(admin))
      .send({ reason: 'Data peserta salah' })
      .expect(200);
    await page.goto(`${base}/certificates/${issued.id}`);
    await page.getByTestId('credential-withheld').waitFor();
    expect(await page.getByTestId('credential-status').innerText()).toMatch(/^revoked$/i);
    expect(await page.getByTestId('credential-withheld').innerText()).toBe(
      'This certificate was revoked, so its credential is not offered for download or sharing.',
    );
    expect(await page.getByRole('link', { name: /LinkedIn/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /credential/i }).count()).toBe(0);
    await checkPage('certificate-revoked');
  });

  it('forgot password: neutral answer, mail arrives, reset page works, the old session ends', async () => {
    const fresh = await newPage(await browser.newContext({ locale: 'id-ID' }));
    await fresh.goto(`${base}/login`);
    await fresh.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await fresh.getByRole('heading', { name: 'Lupa kata sandi' }).waitFor();
    await checkPage('forgot', fresh);
    await fresh.getByLabel('E-mail').fill('nobody@account-web.test');
    await fresh.getByRole('button', { name: 'Kirim tautan' }).click();
    const unknownAnswer = await fresh.getByRole('status').innerText();
    await checkPage('forgot-sent', fresh);

    await fresh.goto(`${base}/forgot-password`);
    await fresh.getByLabel('E-mail').fill(employee.email);
    await fresh.getByRole('button', { name: 'Kirim tautan' }).click();
    expect(await fresh.getByRole('status').innerText()).toBe(unknownAnswer);

    const mail = await mailTo(employee.email, /Reset your K3 LMS password/);
    const link = linkIn(mail, /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+/);
    await fresh.goto(link);
    await fresh.getByRole('heading', { name: 'Atur ulang kata sandi' }).waitFor();
    await checkPage('reset-password', fresh);
    await fresh.getByLabel('Kata sandi baru').fill(NEW_PASSWORD);
    await fresh.getByLabel('Ulangi kata sandi').fill(NEW_PASSWORD);
    await fresh.getByRole('button', { name: 'Simpan kata sandi dan masuk' }).click();
    await fresh.waitForURL(`${base}/`);
    await fresh.context().close();

    // the first browser's session (from the invitation) has ended
    await page.goto(`${base}/certificates`);
    await page.waitForURL(/\/login/);
  });

  it('the unsubscribe link of a reminder lands on a confirmation page that points to preferences', async () => {
    await ctx
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(bearer(await signIn(NEW_PASSWORD)))
      .send({ preferences: [{ category: 'reminder', enabled: true }] })
      .expect(200);
    const { id } = await ctx.app.get(NotificationsService).enqueue({
      userId: employee.id,
      template: 'inactivity',
      data: {
        learnerName: 'Dewi',
        courseTitle: 'K3 Listrik',
        inactiveDays: 14,
        courseUrl: '/courses/k3-listrik',
      },
      idempotencyKey: 'account-web:inactive',
    });
    expect(id).toBeTruthy();
    const [mail] = await waitFor('reminder mail', async () => {
      const got = smtp.received.filter((m) => m.idempotencyKey === 'account-web:inactive');
      return got.length ? got : null;
    });
    const link = linkIn(mail, /https?:\/\/\S+\/api\/v1\/unsubscribe\?token=[^\s"<>]+/);
    const p = await newPage(await browser.newContext({ locale: 'id-ID' }));
    await p.goto(link);
    await p.getByRole('heading', { name: 'Berhenti berlangganan?' }).waitFor();
    await checkPage('unsubscribe', p);
    await p.getByRole('button', { name: /Berhenti berlangganan/ }).click();
    await p.getByRole('heading', { name: 'Berhasil berhenti berlangganan' }).waitFor();
    await checkPage('unsubscribed', p);
    await p.getByRole('link', { name: 'Preferensi' }).click();
    await p.waitForURL(/\/login\?next=%2Fpreferences/);
    await p.context().close();
  });
});
