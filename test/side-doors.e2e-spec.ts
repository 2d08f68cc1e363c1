import { signUnsubscribeToken } from '@app/mailer';
import { Role } from '../src/common/auth/roles';
import { MetricsListener } from '../src/modules/metrics/metrics-listener';
import { seedCourse, seedEnrollment } from './support/certificate-fixtures';
import {
  bearer,
  createTestContext,
  metricsAuth,
  seedOrganization,
  seedUser,
  SeededUser,
  TEST_PASSWORD,
  TestContext,
} from './support/test-app';

/** The directives of a Content-Security-Policy header, by name. */
function cspDirectives(header: string | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

describe('side doors: /metrics', () => {
  it('on the API port: refused without or with a wrong token, served with METRICS_TOKEN', async () => {
    const ctx = await createTestContext();
    try {
      const none = await ctx.http().get('/metrics').expect(401);
      expect(none.body.error).toBe('UNAUTHENTICATED');
      expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(none.text).not.toContain('k3_http_request_duration_seconds');
      await ctx.http().get('/metrics').set('Authorization', 'Bearer not-the-token').expect(401);
      await ctx
        .http()
        .get('/metrics')
        .set('Authorization', `Basic ${ctx.env.METRICS_TOKEN}`)
        .expect(401);
      const ok = await ctx.http().get('/metrics').set(metricsAuth(ctx)).expect(200);
      expect(ok.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(ok.text).toContain('k3_http_request_duration_seconds');
    } finally {
      await ctx.close();
    }
  });

  it('is not served at all (404) when no token is configured', async () => {
    const ctx = await createTestContext({ METRICS_TOKEN: '' });
    try {
      const res = await ctx
        .http()
        .get('/metrics')
        .set('Authorization', 'Bearer anything-at-all-123')
        .expect(404);
      expect(res.body.error).toBe('ROUTE_NOT_FOUND');
      expect(res.text).not.toContain('k3_');
    } finally {
      await ctx.close();
    }
  });

  it('with METRICS_PORT: served on that port (METRICS_HOST), not on the API port', async () => {
    const ctx = await createTestContext({ METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' });
    try {
      await ctx.http().get('/health').expect(200);
      const port = ctx.app.get(MetricsListener).port;
      expect(port).toBeGreaterThan(0);
      const scraped = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(scraped.status).toBe(200);
      expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await scraped.text();
      expect(text).toContain('k3_http_request_duration_seconds_bucket');
      expect(text).toMatch(/k3_queue_jobs\{queue="certificates",state="waiting"\} \d+/);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/me`)).status).toBe(404);
      // The API port does not serve it, even with the token.
      await ctx.http().get('/metrics').set(metricsAuth(ctx)).expect(404);
    } finally {
      await ctx.close();
    }
    expect(ctx.app.get(MetricsListener).port).toBeNull();
  });
});

describe('side doors: CSP of the public pages', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  function expectNoInlineScripts(header: string | undefined) {
    const csp = cspDirectives(header);
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  }

  it('/verify/:code has no unsafe-inline for scripts, and the page still renders', async () => {
    const org = await seedOrganization(ctx);
    const learner = await seedUser(ctx, Role.Learner, org);
    const instructor = await seedUser(ctx, Role.Instructor);
    const course = await seedCourse(ctx, instructor.id);
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    const code = 'QRSTUVWXYZ234567ABCDEFGHIJ';
    await ctx.db.query(
      `INSERT INTO certificates (enrollment_id, user_id, organization_id, course_id, course_version_id,
          number, verification_code, status, completed_at, issued_at, learner_name,
          course_title_id, course_title_en, competency_code, jp_hours, sha256)
       VALUES ($1, $2, $3, $4, $5, 'K3/X/2026/000009', $6, 'issued', now(), now(), 'Siti Rahayu',
          'Judul', 'Title', 'X', 8, $7)`,
      [enrollmentId, learner.id, org, course.courseId, course.versionId, code, 'ab'.repeat(32)],
    );
    const page = await ctx.http().get(`/verify/${code}?lang=en`).expect(200);
    expect(page.text).toContain('Siti Rahayu');
    expect(page.text).not.toMatch(/<script/i);
    expectNoInlineScripts(page.headers['content-security-policy']);
    const missing = await ctx
      .http()
      .get(`/verify/${'A'.repeat(26)}`)
      .expect(404);
    expectNoInlineScripts(missing.headers['content-security-policy']);
  });

  it('the unsubscribe page has no unsafe-inline for scripts, and still works', async () => {
    const org = await seedOrganization(ctx);
    const learner = await seedUser(ctx, Role.Learner, org);
    const token = signUnsubscribeToken(
      { userId: learner.id, category: 'reminder' },
      ctx.config.notifications.unsubscribeSecret,
    );
    const page = await ctx.http().get('/api/v1/unsubscribe').query({ token }).expect(200);
    expect(page.text).toContain('<form method="post"');
    expect(page.text).not.toMatch(/<script/i);
    expectNoInlineScripts(page.headers['content-security-policy']);
    const invalid = await ctx.http().get('/api/v1/unsubscribe').query({ token: 'x.y' });
    expect(invalid.status).toBe(400);
    expectNoInlineScripts(invalid.headers['content-security-policy']);
  });
});

describe('side doors: login lock per (account, IP), slowdown per account', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      TRUST_PROXY: 'true',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '100',
      LOGIN_MAX_FAILURES_PER_IP: '1000',
      // Slowdown kicks in within this test; delays kept tiny (no timing is asserted).
      LOGIN_SLOWDOWN_AFTER_FAILURES_PER_ACCOUNT: '50',
      LOGIN_SLOWDOWN_BASE_DELAY_MS: '1',
      LOGIN_SLOWDOWN_MAX_DELAY_MS: '5',
    });
  });
  afterAll(() => ctx?.close());

  const login = (email: string, password: string, ip: string) =>
    ctx.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('100 wrong passwords from IP A lock A out of the admin account, not IP B', async () => {
    const admin = await seedUser(ctx, Role.Admin);
    const ipA = '203.0.113.10';
    const ipB = '198.51.100.20';
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100; i += 1) {
      const res = await login(admin.email, `wrong-${i}`, ipA);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 100 });

    const lockedA = await login(admin.email, TEST_PASSWORD, ipA);
    expect(lockedA.status).toBe(429);
    expect(lockedA.body.error).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(lockedA.headers['retry-after'])).toBeGreaterThan(0);

    // Above the per-account slowdown threshold, but B is never locked: the right password works.
    const fromB = await login(admin.email, TEST_PASSWORD, ipB);
    expect(fromB.status).toBe(200);
    expect(fromB.body.accessToken).toBeTruthy();
    // A wrong password from B is still just wrong, not locked.
    expect((await login(admin.email, 'wrong-b', ipB)).status).toBe(401);
    // And A stays locked after B's success.
    expect((await login(admin.email, TEST_PASSWORD, ipA)).status).toBe(429);
  });
});

describe('side doors: TRUST_PROXY as a hop count', () => {
  it('a client cannot pick its own address by prepending X-Forwarded-For entries', async () => {
    const ctx = await createTestContext({
      TRUST_PROXY: '1',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '2',
    });
    try {
      const victim = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await ctx
          .http()
          .post('/api/v1/auth/login')
          // The nearest proxy appended the real client address; the first entry is the client's lie.
          .set('X-Forwarded-For', `10.9.9.${i}, 203.0.113.77`)
          .send({ email: victim.email, password: `wrong-${i}` });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 429]);
      const other = await ctx
        .http()
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '203.0.113.78')
        .send({ email: victim.email, password: TEST_PASSWORD });
      expect(other.status).toBe(200);
    } finally {
      await ctx.close();
    }
  });
});

describe('side doors: per-user limit on heavy routes', () => {
  let ctx: TestContext;
  let hr: SeededUser;
  let otherHr: SeededUser;
  beforeAll(async () => {
    ctx = await createTestContext({
      HEAVY_ROUTE_MAX_REQUESTS_PER_USER: '3',
      HEAVY_ROUTE_WINDOW_SECONDS: '600',
    });
    const org = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, org);
    otherHr = await seedUser(ctx, Role.Hr, org);
  });
  afterAll(() => ctx?.close());

  it('answers 429 with Retry-After once a user spends the budget, across exports and imports', async () => {
    const routes = [
      () => ctx.http().get('/api/v1/certificates/register').set(bearer(hr)),
      () => ctx.http().get('/api/v1/certificates/export.zip').set(bearer(hr)),
      () => ctx.http().get('/api/v1/reports/organization/export?format=csv').set(bearer(hr)),
    ];
    for (const call of routes) expect((await call()).status).toBe(200);

    const limited = await ctx
      .http()
      .get('/api/v1/certificates/register?format=xlsx')
      .set(bearer(hr));
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(limited.body.details.retryAfterSeconds).toBe(retryAfter);

    const importCsv = Buffer.from('name,email,employee_id\nAgus Salim,agus@k3.test,IMP-1\n');
    const importLimited = await ctx
      .http()
      .post('/api/v1/employees/import')
      .set(bearer(hr))
      .attach('file', importCsv, 'staff.csv');
    expect(importLimited.status).toBe(429);
    expect(importLimited.headers['retry-after']).toBeDefined();
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM users WHERE email = 'agus@k3.test'`,
    );
    expect(n).toBe(0);

    // The budget is per user: a colleague is not affected, and ordinary routes still work.
    await ctx.http().get('/api/v1/certificates/register').set(bearer(otherHr)).expect(200);
    await ctx.http().get('/api/v1/employees').set(bearer(hr)).expect(200);
  });
});
