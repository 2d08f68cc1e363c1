import { Role } from '../src/common/auth/roles';
import {
  completeViaApi,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
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
const SAME_ORIGIN = { 'X-CSRF': '1', 'Sec-Fetch-Site': 'same-origin' };
const GOOD_PASSWORD = 'kopi tubruk di pagi hari';

describe('account: PATCH /me and the browser variant of setting a password', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let org: string;
  let hr: SeededUser;
  let learner: SeededUser;
  let admin: SeededUser;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: BASE });
    await ctx.startWorker();
    org = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, org);
    learner = await seedUser(ctx, Role.Learner, org);
    admin = await seedUser(ctx, Role.Admin);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  describe('PATCH /api/v1/me', () => {
    it('changes the own language and time zone, returns the user view, audits it', async () => {
      const res = await ctx
        .http()
        .patch('/api/v1/me')
        .set(bearer(learner))
        .send({ locale: 'en', timeZone: 'Asia/Makassar' })
        .expect(200);
      expect(res.body).toMatchObject({
        id: learner.id,
        locale: 'en',
        timeZone: 'Asia/Makassar',
        role: 'learner',
      });
      expect(res.body).not.toHaveProperty('passwordHash');
      const me = await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(200);
      expect(me.body).toMatchObject({ locale: 'en', timeZone: 'Asia/Makassar' });
      const audit = await ctx.db.query<{ actor_id: string; data: { fields: string[] } }[]>(
        `SELECT actor_id, data FROM audit_log WHERE entity_id = $1 AND action = 'user.updated'`,
        [learner.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(learner.id);
      expect(audit[0].data.fields.sort()).toEqual(['locale', 'timeZone']);
    });

    it('works for every role and changes only what was sent', async () => {
      for (const user of [hr, admin]) {
        await ctx.http().patch('/api/v1/me').set(bearer(user)).send({ locale: 'en' }).expect(200);
        const res = await ctx
          .http()
          .patch('/api/v1/me')
          .set(bearer(user))
          .send({ locale: 'id' })
          .expect(200);
        expect(res.body).toMatchObject({ id: user.id, locale: 'id', timeZone: 'Asia/Jakarta' });
      }
    });

    it.each([
      [{ locale: 'fr' }],
      [{ timeZone: 'Mars/Olympus' }],
      [{ locale: 'en', role: 'admin' }],
      [{ email: 'other@example.com' }],
      [{ locale: 'id', timeZone: null }],
      [{ locale: null }],
    ])('refuses %j with 400 and changes nothing', async (body) => {
      const before = await ctx.http().get('/api/v1/me').set(bearer(hr)).expect(200);
      const res = await ctx.http().patch('/api/v1/me').set(bearer(hr)).send(body).expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      const after = await ctx.http().get('/api/v1/me').set(bearer(hr)).expect(200);
      expect(after.body).toEqual(before.body);
    });

    it('needs a signed-in user', async () => {
      await ctx.http().patch('/api/v1/me').send({ locale: 'en' }).expect(401);
    });
  });

  describe('POST /api/v1/auth/browser/password/set', () => {
    let seq = 0;
    async function invite(): Promise<{ email: string; token: string }> {
      seq += 1;
      const email = `account-${seq}@account.test`;
      await ctx
        .http()
        .post('/api/v1/employees')
        .set(bearer(hr))
        .send({ email, name: `Karyawan ${seq}`, employeeId: `ACC-${seq}` })
        .expect(201);
      const mail: ReceivedMail = await waitFor(
        `invitation to ${email}`,
        async () => smtp.byRecipient(email).at(0) ?? null,
      );
      const match = new RegExp(`${BASE}/set-password\\?token=([A-Za-z0-9_-]+)`).exec(
        mail.parsed.text ?? '',
      );
      expect(match).not.toBeNull();
      return { email, token: match![1] };
    }

    it('sets the password and starts a browser session (httpOnly cookie, no refresh token in the body)', async () => {
      const { email, token } = await invite();
      const res = await ctx
        .http()
        .post('/api/v1/auth/browser/password/set')
        .set(SAME_ORIGIN)
        .send({ token, password: GOOD_PASSWORD })
        .expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const cookie = cookies.find((c) => c.startsWith('k3_refresh='));
      expect(cookie).toMatch(/; HttpOnly; SameSite=Strict/);
      const me = await ctx
        .http()
        .get('/api/v1/me')
        .set({ Authorization: `Bearer ${res.body.accessToken}` })
        .expect(200);
      expect(me.body.email).toBe(email);
      await ctx
        .http()
        .post('/api/v1/auth/browser/refresh')
        .set(SAME_ORIGIN)
        .set('Cookie', cookie!.split(';')[0])
        .expect(200);
      // the link is single-use
      const again = await ctx
        .http()
        .post('/api/v1/auth/browser/password/set')
        .set(SAME_ORIGIN)
        .send({ token, password: GOOD_PASSWORD })
        .expect(400);
      expect(again.body.error).toBe('PASSWORD_TOKEN_INVALID');
    });

    it('refuses a common password in words (422) and keeps the link usable', async () => {
      const { token } = await invite();
      const res = await ctx
        .http()
        .post('/api/v1/auth/browser/password/set')
        .set(SAME_ORIGIN)
        .send({ token, password: 'password123' })
        .expect(422);
      expect(res.body.error).toBe('PASSWORD_TOO_COMMON');
      expect(res.headers['set-cookie']).toBeUndefined();
      await ctx.http().get('/api/v1/auth/password/token').query({ token }).expect(200);
    });

    it('refuses a cross-site request with 403 before touching the link', async () => {
      const { token } = await invite();
      await ctx
        .http()
        .post('/api/v1/auth/browser/password/set')
        .set({ 'X-CSRF': '1', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example' })
        .send({ token, password: GOOD_PASSWORD })
        .expect(403);
      await ctx
        .http()
        .post('/api/v1/auth/browser/password/set')
        .send({ token, password: GOOD_PASSWORD })
        .expect(403);
      await ctx.http().get('/api/v1/auth/password/token').query({ token }).expect(200);
    });
  });

  describe('certificate view: renewable says whether POST :id/renew would start a renewal', () => {
    async function issuedCertificate(mode: 'open' | 'assigned') {
      const course = await seedCourse(ctx, admin.id);
      await ctx.db.query(`UPDATE course_versions SET enrollment_mode = $2 WHERE course_id = $1`, [
        course.courseId,
        mode,
      ]);
      const enrollmentId = await seedEnrollment(ctx, learner, course);
      await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
      const [row] = await ctx.db.query('SELECT id FROM certificates WHERE enrollment_id = $1', [
        enrollmentId,
      ]);
      await waitForStatus(ctx, row.id, 'issued');
      return row.id as string;
    }

    it('open course: offered to the learner (list and detail), and the renewal starts', async () => {
      const id = await issuedCertificate('open');
      const list = await ctx.http().get('/api/v1/certificates').set(bearer(learner)).expect(200);
      expect(list.body.items.find((c: { id: string }) => c.id === id).renewable).toBe(true);
      const one = await ctx
        .http()
        .get(`/api/v1/certificates/${id}`)
        .set(bearer(learner))
        .expect(200);
      expect(one.body.renewable).toBe(true);
      await ctx
        .http()
        .post(`/api/v1/certificates/${id}/renew`)
        .set(bearer(learner))
        .send({})
        .expect(201);
      const hrView = await ctx.http().get(`/api/v1/certificates/${id}`).set(bearer(hr)).expect(200);
      expect(hrView.body.renewable).toBe(true);
      const adminView = await ctx
        .http()
        .get(`/api/v1/certificates/${id}`)
        .set(bearer(admin))
        .expect(200);
      expect(adminView.body.renewable).toBe(false);
    });

    it('assigned-only course: not offered to the learner (the route refuses), offered to HR', async () => {
      const id = await issuedCertificate('assigned');
      const one = await ctx
        .http()
        .get(`/api/v1/certificates/${id}`)
        .set(bearer(learner))
        .expect(200);
      expect(one.body.renewable).toBe(false);
      const refused = await ctx
        .http()
        .post(`/api/v1/certificates/${id}/renew`)
        .set(bearer(learner))
        .send({});
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.body.error).toBe('SELF_ENROLL_NOT_ALLOWED');
      const hrView = await ctx.http().get(`/api/v1/certificates/${id}`).set(bearer(hr)).expect(200);
      expect(hrView.body.renewable).toBe(true);
    });

    it('a revoked certificate is not offered', async () => {
      const id = await issuedCertificate('open');
      await ctx.db.query(
        `UPDATE certificates SET status = 'revoked', revoked_at = now() WHERE id = $1`,
        [id],
      );
      const one = await ctx
        .http()
        .get(`/api/v1/certificates/${id}`)
        .set(bearer(learner))
        .expect(200);
      expect(one.body.renewable).toBe(false);
      const refused = await ctx
        .http()
        .post(`/api/v1/certificates/${id}/renew`)
        .set(bearer(learner))
        .send({});
      expect(refused.body.error).toBe('CERTIFICATE_NOT_RENEWABLE');
    });
  });
});
