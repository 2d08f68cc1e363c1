import { Role } from '../src/common/auth/roles';
import { checkRoleMatrix } from './support/role-matrix';
import { ReceivedMail, startSmtpSink, SmtpSink, waitFor } from './support/smtp-sink';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TestContext,
} from './support/test-app';

const BASE = 'https://k3.test';
const GOOD_PASSWORD = 'kopi tubruk di pagi hari';

describe('onboarding: invitations, set-password and reset links', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let orgA: string;
  let orgB: string;
  let hrA: SeededUser;
  let hrB: SeededUser;
  let admin: SeededUser;
  let seq = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: BASE,
      FORGOT_PASSWORD_MAX_PER_ADDRESS: '3',
      FORGOT_PASSWORD_MAX_PER_IP: '12',
    });
    await ctx.startWorker();
    orgA = await seedOrganization(ctx);
    orgB = await seedOrganization(ctx);
    await ctx.db.query(`UPDATE organizations SET name = 'PT Konstruksi Nusantara' WHERE id = $1`, [
      orgA,
    ]);
    hrA = await seedUser(ctx, Role.Hr, orgA);
    hrB = await seedUser(ctx, Role.Hr, orgB);
    admin = await seedUser(ctx, Role.Admin);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  const mailsTo = (email: string, subject?: RegExp) =>
    smtp.byRecipient(email).filter((m) => !subject || subject.test(m.parsed.subject ?? ''));

  async function mailTo(email: string, count = 1, subject?: RegExp): Promise<ReceivedMail> {
    const mails = await waitFor(`mail #${count} to ${email}`, async () => {
      const got = mailsTo(email, subject);
      return got.length >= count ? got : null;
    });
    return mails[count - 1];
  }

  function linkToken(mail: ReceivedMail, page: 'set-password' | 'reset-password'): string {
    const pattern = new RegExp(`${BASE}/${page}\\?token=([A-Za-z0-9_-]+)`);
    const text = pattern.exec(mail.parsed.text ?? '');
    const html = pattern.exec(String(mail.parsed.html));
    expect(text?.[1]).toBeTruthy();
    expect(html?.[1]).toBe(text?.[1]);
    return text![1];
  }

  async function createEmployee(extra: Record<string, unknown> = {}) {
    seq += 1;
    const email = `employee-${seq}@onboarding.test`;
    const res = await ctx
      .http()
      .post('/api/v1/employees')
      .set(bearer(hrA))
      .send({ email, name: `Karyawan ${seq}`, employeeId: `ONB-${seq}`, ...extra })
      .expect(201);
    return { id: res.body.id as string, email };
  }

  const setPassword = (token: string, password: string) =>
    ctx.http().post('/api/v1/auth/password/set').send({ token, password });

  it('invites an employee created without a password and signs them in on set-password', async () => {
    const employee = await createEmployee();
    const mail = await mailTo(employee.email);
    expect(mail.parsed.subject).toBe('PT Konstruksi Nusantara mengundang Anda ke K3 LMS');
    expect(mail.parsed.text).toContain('Halo Karyawan');
    expect(mail.parsed.text).toMatch(/berlaku sampai \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
    expect(mail.parsed.text).not.toContain('unsubscribe');
    const token = linkToken(mail, 'set-password');

    const [stored] = await ctx.db.query(
      'SELECT token_hash, purpose, created_by, expires_at FROM password_tokens WHERE user_id = $1',
      [employee.id],
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(token);
    expect(stored.purpose).toBe('invite');
    expect(stored.created_by).toBe(hrA.id);
    const ttlHours = (new Date(stored.expires_at).getTime() - Date.now()) / 3_600_000;
    expect(Math.round(ttlHours)).toBe(72);

    const info = await ctx.http().get('/api/v1/auth/password/token').query({ token }).expect(200);
    expect(info.body).toEqual({
      purpose: 'invite',
      name: `Karyawan ${seq}`,
      expiresAt: new Date(stored.expires_at).toISOString(),
    });

    const common = await setPassword(token, 'Password123').expect(422);
    expect(common.body.error).toBe('PASSWORD_TOO_COMMON');
    expect((await setPassword(token, 'bismillah').expect(422)).body.error).toBe(
      'PASSWORD_TOO_COMMON',
    );
    expect((await setPassword(token, employee.email).expect(422)).body.error).toBe(
      'PASSWORD_TOO_COMMON',
    );
    const short = await setPassword(token, 'k3-abc').expect(422);
    expect(short.body.error).toBe('PASSWORD_TOO_SHORT');
    expect((await setPassword(token, 'x'.repeat(257)).expect(422)).body.error).toBe(
      'PASSWORD_TOO_LONG',
    );

    const ok = await setPassword(token, GOOD_PASSWORD).expect(200);
    expect(ok.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
      tokenType: 'Bearer',
    });
    const me = await ctx
      .http()
      .get('/api/v1/me')
      .set(bearer({ token: ok.body.accessToken }));
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(employee.email);
    await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: employee.email, password: GOOD_PASSWORD })
      .expect(200);

    const reuse = await setPassword(token, 'another good passphrase').expect(400);
    expect(reuse.body.error).toBe('PASSWORD_TOKEN_INVALID');
    const gone = await ctx.http().get('/api/v1/auth/password/token').query({ token }).expect(400);
    expect(gone.body.error).toBe('PASSWORD_TOKEN_INVALID');

    // Activated: no more invitations.
    const resend = await ctx
      .http()
      .post(`/api/v1/employees/${employee.id}/invitation`)
      .set(bearer(hrA))
      .expect(409);
    expect(resend.body.error).toBe('ALREADY_ACTIVATED');
  });

  it('writes the invitation in English for an English-locale user', async () => {
    const employee = await createEmployee({ locale: 'en' });
    const mail = await mailTo(employee.email);
    expect(mail.parsed.subject).toBe('PT Konstruksi Nusantara invited you to K3 LMS');
    expect(mail.parsed.text).toContain('Set your password');
    linkToken(mail, 'set-password');
  });

  it('refuses unknown, malformed and expired tokens with one code', async () => {
    const employee = await createEmployee();
    const token = linkToken(await mailTo(employee.email), 'set-password');
    await ctx.db.query(
      `UPDATE password_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [employee.id],
    );
    for (const candidate of [token, 'A'.repeat(43), 'not a token', '']) {
      const res = await setPassword(candidate, GOOD_PASSWORD);
      expect([res.status, res.body.error]).toEqual([400, 'PASSWORD_TOKEN_INVALID']);
    }
    const info = await ctx.http().get('/api/v1/auth/password/token').query({ token });
    expect([info.status, info.body.error]).toEqual([400, 'PASSWORD_TOKEN_INVALID']);
  });

  it('lets exactly one of two concurrent uses of a token win', async () => {
    const employee = await createEmployee();
    const token = linkToken(await mailTo(employee.email), 'set-password');
    const results = await Promise.all([
      setPassword(token, 'first concurrent passphrase'),
      setPassword(token, 'second concurrent passphrase'),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 400]);
    expect(results.find((r) => r.status === 400)!.body.error).toBe('PASSWORD_TOKEN_INVALID');
    const [{ n }] = await ctx.db.query(
      'SELECT count(*)::int AS n FROM password_tokens WHERE user_id = $1 AND used_at IS NOT NULL',
      [employee.id],
    );
    expect(n).toBe(1);
  });

  it('refuses the link of a deactivated user', async () => {
    const employee = await createEmployee();
    const token = linkToken(await mailTo(employee.email), 'set-password');
    await ctx
      .http()
      .post(`/api/v1/employees/${employee.id}/deactivate`)
      .set(bearer(hrA))
      .expect(200);
    const res = await setPassword(token, GOOD_PASSWORD);
    expect([res.status, res.body.error]).toEqual([400, 'PASSWORD_TOKEN_INVALID']);
    await ctx.http().get('/api/v1/auth/password/token').query({ token }).expect(400);
  });

  it('invites every new user of a CSV import, and not re-imported ones', async () => {
    const csv = (rows: string[]) => Buffer.from(['name,email,employee_id', ...rows].join('\n'));
    const import1 = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hrA))
      .attach(
        'file',
        csv(['Agus Salim,agus@import.test,IMP-1', 'Citra Dewi,citra@import.test,IMP-2']),
        'staff.csv',
      )
      .expect(200);
    expect(import1.body).toEqual({ created: 2, updated: 0 });
    const agus = linkToken(await mailTo('agus@import.test'), 'set-password');
    linkToken(await mailTo('citra@import.test'), 'set-password');

    const import2 = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hrA))
      .attach(
        'file',
        csv([
          'Agus Salim,agus@import.test,IMP-1',
          'Citra Dewi,citra@import.test,IMP-2',
          'Dedi Kurnia,dedi@import.test,IMP-3',
        ]),
        'staff.csv',
      )
      .expect(200);
    expect(import2.body).toEqual({ created: 1, updated: 2 });
    await mailTo('dedi@import.test');
    const invitations = await ctx.db.query(
      `SELECT recipient, count(*)::int AS n FROM email_outbox
        WHERE template = 'invitation' AND recipient LIKE '%@import.test'
        GROUP BY recipient ORDER BY recipient`,
    );
    expect(invitations).toEqual([
      { recipient: 'agus@import.test', n: 1 },
      { recipient: 'citra@import.test', n: 1 },
      { recipient: 'dedi@import.test', n: 1 },
    ]);
    // The first link is still the live one.
    await ctx.http().get('/api/v1/auth/password/token').query({ token: agus }).expect(200);
  });

  it('lets HR resend an invitation, which ends the previous link; other HR gets 404', async () => {
    const employee = await createEmployee();
    const first = linkToken(await mailTo(employee.email), 'set-password');

    await ctx
      .http()
      .post(`/api/v1/employees/${employee.id}/invitation`)
      .set(bearer(hrB))
      .expect(404);
    const resend = await ctx
      .http()
      .post(`/api/v1/employees/${employee.id}/invitation`)
      .set(bearer(hrA))
      .expect(202);
    expect(resend.body).toEqual({ userId: employee.id, expiresAt: expect.any(String) });
    const second = linkToken(await mailTo(employee.email, 2), 'set-password');
    expect(second).not.toBe(first);

    const old = await setPassword(first, GOOD_PASSWORD);
    expect([old.status, old.body.error]).toEqual([400, 'PASSWORD_TOKEN_INVALID']);
    await setPassword(second, GOOD_PASSWORD).expect(200);
  });

  it('lets an admin create users without a password (invited) and refuses weak passwords', async () => {
    const created = await ctx
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({ email: 'instruktur@onboarding.test', name: 'Instruktur Baru', role: 'instructor' })
      .expect(201);
    const mail = await mailTo('instruktur@onboarding.test');
    expect(mail.parsed.subject).toBe('Test admin mengundang Anda ke K3 LMS');
    await ctx
      .http()
      .post(`/api/v1/admin/users/${created.body.id}/invitation`)
      .set(bearer(admin))
      .expect(202);
    linkToken(await mailTo('instruktur@onboarding.test', 2), 'set-password');
    await ctx
      .http()
      .post(`/api/v1/admin/users/${created.body.id}/invitation`)
      .set(bearer(hrA))
      .expect(403);

    for (const [password, code] of [
      ['qwerty123', 'PASSWORD_TOO_COMMON'],
      ['short', 'PASSWORD_TOO_SHORT'],
    ]) {
      const res = await ctx
        .http()
        .post('/api/v1/admin/users')
        .set(bearer(admin))
        .send({ email: 'weak@onboarding.test', name: 'Weak', role: 'instructor', password });
      expect([res.status, res.body.error]).toEqual([422, code]);
      const patch = await ctx
        .http()
        .patch(`/api/v1/admin/users/${created.body.id}`)
        .set(bearer(admin))
        .send({ password });
      expect([patch.status, patch.body.error]).toEqual([422, code]);
    }
    // A password set by the admin ends the pending invitation link.
    const pending = linkToken(await mailTo('instruktur@onboarding.test', 2), 'set-password');
    await ctx
      .http()
      .patch(`/api/v1/admin/users/${created.body.id}`)
      .set(bearer(admin))
      .send({ password: 'set by the admin' })
      .expect(200);
    const stale = await setPassword(pending, GOOD_PASSWORD);
    expect([stale.status, stale.body.error]).toEqual([400, 'PASSWORD_TOKEN_INVALID']);

    const withPassword = await ctx
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({
        email: 'withpw@onboarding.test',
        name: 'With Password',
        role: 'instructor',
        password: 'a long password',
      })
      .expect(201);
    const [{ n }] = await ctx.db.query(
      'SELECT count(*)::int AS n FROM password_tokens WHERE user_id = $1',
      [withPassword.body.id],
    );
    expect(n).toBe(0);
  });

  it('lets only HR resend to employees and only admins to any user', async () => {
    const tokens = {
      [Role.Admin]: admin.token,
      [Role.Hr]: hrA.token,
      [Role.Instructor]: (await seedUser(ctx, Role.Instructor)).token,
      [Role.Learner]: (await seedUser(ctx, Role.Learner, orgA)).token,
    };
    const someone = '00000000-0000-4000-8000-000000000001';
    const failures = await checkRoleMatrix(
      ctx,
      [
        { method: 'post', path: `/api/v1/employees/${someone}/invitation`, allowed: [Role.Hr] },
        {
          method: 'post',
          path: `/api/v1/admin/users/${someone}/invitation`,
          allowed: [Role.Admin],
        },
      ],
      tokens,
    );
    expect(failures).toEqual([]);
  });

  it('lists both templates in the admin preview', async () => {
    for (const [name, locale, subject] of [
      ['invitation', 'id', /mengundang Anda/],
      ['password_reset', 'en', /^Reset your K3 LMS password$/],
    ] as const) {
      const res = await ctx
        .http()
        .get(`/api/v1/admin/email-templates/${name}/preview`)
        .query({ locale })
        .set(bearer(admin))
        .expect(200);
      expect(res.body.category).toBe('transactional');
      expect(res.body.subject).toMatch(subject);
    }
  });

  describe('forgot password', () => {
    it('answers the same for known and unknown addresses and mails only the known one', async () => {
      const learner = await seedUser(ctx, Role.Learner, orgA, { email: 'lupa@onboarding.test' });
      const known = await ctx
        .http()
        .post('/api/v1/auth/password/forgot')
        .send({ email: 'Lupa@Onboarding.test' });
      const unknown = await ctx
        .http()
        .post('/api/v1/auth/password/forgot')
        .send({ email: 'nobody@onboarding.test' });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);

      const mail = await mailTo(learner.email, 1, /kata sandi/);
      expect(mail.parsed.subject).toBe('Atur ulang kata sandi K3 LMS Anda');
      const token = linkToken(mail, 'reset-password');
      const [{ n }] = await ctx.db.query(
        `SELECT count(*)::int AS n FROM email_outbox WHERE recipient = 'nobody@onboarding.test'`,
      );
      expect(n).toBe(0);

      const info = await ctx.http().get('/api/v1/auth/password/token').query({ token }).expect(200);
      expect(info.body.purpose).toBe('reset');

      // The reset ends every earlier session: access and refresh tokens.
      await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(200);
      const reset = await setPassword(token, 'a brand new passphrase').expect(200);
      await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(401);
      await ctx
        .http()
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: learner.refreshToken })
        .expect(401);
      await ctx
        .http()
        .get('/api/v1/me')
        .set(bearer({ token: reset.body.accessToken }))
        .expect(200);
      await ctx
        .http()
        .post('/api/v1/auth/login')
        .send({ email: learner.email, password: 'a brand new passphrase' })
        .expect(200);
    });

    it('sends nothing for a deactivated user', async () => {
      const learner = await seedUser(ctx, Role.Learner, orgA, {
        email: 'nonaktif@onboarding.test',
      });
      await ctx.db.query('UPDATE users SET is_active = false WHERE id = $1', [learner.id]);
      await ctx
        .http()
        .post('/api/v1/auth/password/forgot')
        .send({ email: learner.email })
        .expect(202);
      const [{ n }] = await ctx.db.query(
        'SELECT count(*)::int AS n FROM password_tokens WHERE user_id = $1',
        [learner.id],
      );
      expect(n).toBe(0);
    });

    it('rate-limits per address with 429 and Retry-After, known or unknown', async () => {
      for (const email of ['limit@onboarding.test', 'limit-unknown@onboarding.test']) {
        if (email === 'limit@onboarding.test') await seedUser(ctx, Role.Learner, orgA, { email });
        for (let i = 0; i < 3; i += 1) {
          await ctx.http().post('/api/v1/auth/password/forgot').send({ email }).expect(202);
        }
        const limited = await ctx.http().post('/api/v1/auth/password/forgot').send({ email });
        expect(limited.status).toBe(429);
        expect(limited.body.error).toBe('TOO_MANY_PASSWORD_RESETS');
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      }
      // Only the newest reset link of the known address works.
      const [{ live }] = await ctx.db.query(
        `SELECT count(*)::int AS live FROM password_tokens t JOIN users u ON u.id = t.user_id
          WHERE u.email = 'limit@onboarding.test' AND t.used_at IS NULL`,
      );
      expect(live).toBe(1);
    });
  });
});

describe('onboarding: forgot-password budget per client IP', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ FORGOT_PASSWORD_MAX_PER_IP: '2' });
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('refuses a third request from the same IP, whatever the addresses', async () => {
    for (const email of ['satu@ip.test', 'dua@ip.test']) {
      await ctx.http().post('/api/v1/auth/password/forgot').send({ email }).expect(202);
    }
    const limited = await ctx
      .http()
      .post('/api/v1/auth/password/forgot')
      .send({ email: 'tiga@ip.test' });
    expect([limited.status, limited.body.error]).toEqual([429, 'TOO_MANY_PASSWORD_RESETS']);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
