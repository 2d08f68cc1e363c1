import { Role } from '../src/common/auth/roles';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { checkRoleMatrix } from './support/role-matrix';
import { rawHeader, startSmtpSink, SmtpSink, waitFor } from './support/smtp-sink';
import {
  bearer,
  createTestContext,
  metricsAuth,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const inactivityData = {
  learnerName: 'Rina',
  courseTitle: 'K3 Listrik',
  inactiveDays: 14,
  courseUrl: '/courses/k3-listrik',
};

async function statusOf(ctx: TestContext, id: string): Promise<string> {
  const [row] = await ctx.db.query('SELECT status FROM email_outbox WHERE id = $1', [id]);
  return row.status;
}

describe('notifications: preferences, one-click unsubscribe, admin outbox', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let notifications: NotificationsService;
  let learner: SeededUser;
  let admin: SeededUser;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://k3.test' });
    await ctx.startWorker();
    notifications = ctx.app.get(NotificationsService);
    const org = await seedOrganization(ctx);
    learner = await seedUser(ctx, Role.Learner, org);
    admin = await seedUser(ctx, Role.Admin);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  async function sendAndWait(key: string, template = 'inactivity', data: object = inactivityData) {
    const { id } = await notifications.enqueue({
      userId: learner.id,
      template: template as 'inactivity',
      data: data as Record<string, unknown>,
      idempotencyKey: key,
    });
    await waitFor(`outbox ${key} done`, async () =>
      ['sent', 'suppressed', 'failed'].includes(await statusOf(ctx, id!)),
    );
    return { id: id!, status: await statusOf(ctx, id!) };
  }

  it("lists and updates the preferences of the caller's role; other categories are refused", async () => {
    const initial = await ctx
      .http()
      .get('/api/v1/me/notification-preferences')
      .set(bearer(learner))
      .expect(200);
    expect(initial.body.items).toEqual([
      { category: 'reminder', enabled: true },
      { category: 'notification', enabled: true },
    ]);
    const updated = await ctx
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(bearer(learner))
      .send({ preferences: [{ category: 'notification', enabled: false }] })
      .expect(200);
    expect(updated.body.items).toEqual([
      { category: 'reminder', enabled: true },
      { category: 'notification', enabled: false },
    ]);
    const notForLearners = await ctx
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(bearer(learner))
      .send({ preferences: [{ category: 'digest', enabled: false }] })
      .expect(400);
    expect(notForLearners.body.error).toBe('NOTIFICATION_CATEGORY_NOT_FOR_ROLE');
    const bad = await ctx
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(bearer(learner))
      .send({ preferences: [{ category: 'transactional', enabled: false }] })
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    await ctx
      .http()
      .put('/api/v1/me/notification-preferences')
      .set(bearer(learner))
      .send({ preferences: [{ category: 'notification', enabled: true }] })
      .expect(200);

    const hr = await seedUser(ctx, Role.Hr, learner.organizationId!);
    const hrPrefs = await ctx
      .http()
      .get('/api/v1/me/notification-preferences')
      .set(bearer(hr))
      .expect(200);
    expect(hrPrefs.body.items).toEqual([{ category: 'digest', enabled: true }]);
    const adminPrefs = await ctx
      .http()
      .get('/api/v1/me/notification-preferences')
      .set(bearer(admin))
      .expect(200);
    expect(adminPrefs.body.items).toEqual([]);
  });

  it('reminders carry RFC 8058 headers; the one-click POST unsubscribes at once', async () => {
    const first = await sendAndWait('inactive:pref-1');
    expect(first.status).toBe('sent');
    const [mail] = smtp.received.filter((m) => m.idempotencyKey === 'inactive:pref-1');
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const url = new URL(/^<(.+)>$/.exec(rawHeader(mail, 'List-Unsubscribe')!)![1]);
    expect(url.origin + url.pathname).toBe('https://k3.test/api/v1/unsubscribe');
    const token = url.searchParams.get('token')!;
    expect(mail.parsed.html).toContain(`unsubscribe?token=${token}`);

    // GET is only a confirmation page (link scanners must not unsubscribe anyone).
    const page = await ctx.http().get('/api/v1/unsubscribe').query({ token }).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<form method="post"');
    expect(page.text).toContain('Berhenti berlangganan');
    expect(page.text).toContain('Unsubscribe');
    const prefsAfterGet = await ctx
      .http()
      .get('/api/v1/me/notification-preferences')
      .set(bearer(learner));
    expect(prefsAfterGet.body.items).toContainEqual({ category: 'reminder', enabled: true });

    const post = await ctx
      .http()
      .post(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(post.body).toEqual({ unsubscribed: true, category: 'reminder' });
    const prefs = await ctx.http().get('/api/v1/me/notification-preferences').set(bearer(learner));
    expect(prefs.body.items).toContainEqual({ category: 'reminder', enabled: false });

    // Some providers send the one-click body as multipart/form-data.
    await ctx
      .http()
      .post(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`)
      .field('List-Unsubscribe', 'One-Click')
      .expect(200);

    const second = await sendAndWait('inactive:pref-2');
    expect(second.status).toBe('suppressed');
    expect(smtp.received.filter((m) => m.idempotencyKey === 'inactive:pref-2')).toHaveLength(0);

    // The browser form gets a page back, and repeating is harmless.
    const again = await ctx
      .http()
      .post(`/api/v1/unsubscribe?token=${encodeURIComponent(token)}`)
      .set('Accept', 'text/html')
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(again.text).toContain('Berhasil');
  });

  it('refuses tampered tokens', async () => {
    const forged = Buffer.from(JSON.stringify({ userId: learner.id, category: 'digest' })).toString(
      'base64url',
    );
    const res = await ctx.http().post(`/api/v1/unsubscribe?token=${forged}.AAAA`).expect(400);
    expect(res.body.error).toBe('INVALID_UNSUBSCRIBE_TOKEN');
    const page = await ctx.http().get(`/api/v1/unsubscribe?token=${forged}.AAAA`).expect(400);
    expect(page.text).toContain('Tautan tidak valid');
  });

  it('transactional mails have no unsubscribe header and say why', async () => {
    const sent = await sendAndWait('cert-issued:pref', 'certificate_issued', {
      learnerName: 'Rina',
      courseTitle: 'K3 Listrik',
      certificateNumber: 'K3L/2026/0001',
      verifyUrl: '/verify/ABC',
      downloadUrl: '/certificates/1',
    });
    expect(sent.status).toBe('sent');
    const [mail] = smtp.received.filter((m) => m.idempotencyKey === 'cert-issued:pref');
    expect(rawHeader(mail, 'List-Unsubscribe')).toBeUndefined();
    expect(mail.parsed.text).toContain('tidak dapat dihentikan langganannya');
  });

  it('admin lists, filters and pages the outbox and retries failed rows', async () => {
    smtp.behaviour = ({ to }) =>
      to === 'bounce@pref.test' ? { code: 554, message: '5.7.1 Rejected' } : null;
    const { id: failedId } = await notifications.enqueue({
      email: 'bounce@pref.test',
      template: 'inactivity',
      data: inactivityData,
      idempotencyKey: 'inactive:bounce',
    });
    await waitFor('bounce failed', async () => (await statusOf(ctx, failedId!)) === 'failed');

    const failed = await ctx
      .http()
      .get('/api/v1/admin/email-outbox')
      .query({ status: 'failed', recipient: 'BOUNCE@pref.test' })
      .set(bearer(admin))
      .expect(200);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0]).toMatchObject({
      id: failedId,
      status: 'failed',
      template: 'inactivity',
      attempts: 1,
    });
    expect(failed.body.items[0]).not.toHaveProperty('data');

    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await ctx
        .http()
        .get('/api/v1/admin/email-outbox')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(admin))
        .expect(200);
      for (const item of page.body.items) seen.add(item.id);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    const [{ n }] = await ctx.db.query('SELECT count(*)::int AS n FROM email_outbox');
    expect(seen.size).toBe(n);

    const notRetryable = await ctx
      .http()
      .post(`/api/v1/admin/email-outbox/${[...seen].find((id) => id !== failedId)}/retry`)
      .set(bearer(admin));
    expect(notRetryable.status).toBe(409);
    expect(notRetryable.body.error).toBe('EMAIL_NOT_RETRYABLE');

    smtp.behaviour = () => null;
    const retried = await ctx
      .http()
      .post(`/api/v1/admin/email-outbox/${failedId}/retry`)
      .set(bearer(admin))
      .expect(200);
    expect(retried.body).toMatchObject({ status: 'queued', attempts: 0 });
    await waitFor('retried row sent', async () => (await statusOf(ctx, failedId!)) === 'sent');
    await ctx
      .http()
      .post('/api/v1/admin/email-outbox/00000000-0000-4000-8000-000000000000/retry')
      .set(bearer(admin))
      .expect(404);
  });

  it('previews templates in both locales and exposes outbox counts in /metrics', async () => {
    const en = await ctx
      .http()
      .get('/api/v1/admin/email-templates/enrollment_due_soon/preview')
      .query({ locale: 'en' })
      .set(bearer(admin))
      .expect(200);
    expect(en.body.subject).toMatch(/^Reminder: "Ahli K3 Umum" is due in/);
    expect(en.body.html).toContain('<html');
    expect(en.body.text).toContain('Siti Rahayu');
    const id = await ctx
      .http()
      .get('/api/v1/admin/email-templates/hr_weekly_digest/preview')
      .set(bearer(admin))
      .expect(200);
    expect(id.body.category).toBe('digest');
    await ctx
      .http()
      .get('/api/v1/admin/email-templates/no_such_template/preview')
      .set(bearer(admin))
      .expect(404);
    await ctx
      .http()
      .get('/api/v1/admin/email-templates/enrollment_due_soon/preview')
      .query({ locale: 'fr' })
      .set(bearer(admin))
      .expect(400);

    const metrics = await ctx.http().get('/metrics').set(metricsAuth(ctx)).expect(200);
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE status = 'sent'`,
    );
    expect(metrics.text).toContain(`k3_email_outbox_rows{status="sent"} ${n}`);
    expect(metrics.text).toMatch(/k3_email_outbox_rows\{status="failed"\} \d+/);
  });

  it('course notification settings: admin and instructor set inactivity days', async () => {
    const instructor = await seedUser(ctx, Role.Instructor);
    const [course] = await ctx.db.query(
      `INSERT INTO courses (code, created_by_id) VALUES ('NOTIF1', $1) RETURNING id`,
      [instructor.id],
    );
    const path = `/api/v1/courses/${course.id}/notification-settings`;
    const initial = await ctx.http().get(path).set(bearer(instructor)).expect(200);
    expect(initial.body).toEqual({
      courseId: course.id,
      inactivityDays: null,
      effectiveInactivityDays: 14,
    });
    const set = await ctx
      .http()
      .put(path)
      .set(bearer(instructor))
      .send({ inactivityDays: 5 })
      .expect(200);
    expect(set.body.effectiveInactivityDays).toBe(5);
    await ctx.http().put(path).set(bearer(admin)).send({ inactivityDays: 0 }).expect(400);
    await ctx
      .http()
      .get('/api/v1/courses/00000000-0000-4000-8000-000000000000/notification-settings')
      .set(bearer(admin))
      .expect(404);
  });

  it('role matrix', async () => {
    const org = await seedOrganization(ctx);
    const tokens = {
      [Role.Admin]: admin.token,
      [Role.Instructor]: (await seedUser(ctx, Role.Instructor)).token,
      [Role.Hr]: (await seedUser(ctx, Role.Hr, org)).token,
      [Role.Learner]: learner.token,
    };
    const someId = '00000000-0000-4000-8000-000000000000';
    const all = [Role.Admin, Role.Instructor, Role.Hr, Role.Learner];
    const failures = await checkRoleMatrix(
      ctx,
      [
        { method: 'get', path: '/api/v1/me/notification-preferences', allowed: all },
        { method: 'put', path: '/api/v1/me/notification-preferences', allowed: all },
        { method: 'get', path: '/api/v1/admin/email-outbox', allowed: [Role.Admin] },
        {
          method: 'post',
          path: `/api/v1/admin/email-outbox/${someId}/retry`,
          allowed: [Role.Admin],
        },
        {
          method: 'get',
          path: '/api/v1/admin/email-templates/inactivity/preview',
          allowed: [Role.Admin],
        },
        {
          method: 'get',
          path: `/api/v1/courses/${someId}/notification-settings`,
          allowed: [Role.Admin, Role.Instructor],
        },
        {
          method: 'put',
          path: `/api/v1/courses/${someId}/notification-settings`,
          allowed: [Role.Admin, Role.Instructor],
        },
      ],
      tokens,
    );
    expect(failures).toEqual([]);
  });
});
