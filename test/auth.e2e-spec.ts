import { Role } from '../src/common/auth/roles';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from './support/test-app';

describe('auth: login, refresh rotation, reuse detection, logout, throttling', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '5',
      LOGIN_MAX_FAILURES_PER_IP: '50',
    });
  });
  afterAll(() => ctx?.close());

  it('logs in with argon2id-hashed password and returns /me', async () => {
    const org = await seedOrganization(ctx);
    const learner = await seedUser(ctx, Role.Learner, org);
    const [{ password_hash }] = await ctx.db.query(
      'SELECT password_hash FROM users WHERE id = $1',
      [learner.id],
    );
    expect(password_hash).toMatch(/^\$argon2id\$/);
    const me = await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(200);
    expect(me.body).toMatchObject({
      id: learner.id,
      role: 'learner',
      organizationId: org,
      organizationName: 'PT Uji Coba',
    });
    expect(me.body).not.toHaveProperty('passwordHash');
    expect(me.headers['x-request-id']).toBeTruthy();
  });

  it('refuses a wrong password and missing fields with stable codes', async () => {
    const admin = await seedUser(ctx, Role.Admin);
    const wrong = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: admin.email, password: 'nope' })
      .expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'INVALID_CREDENTIALS' });
    expect(wrong.body.requestId).toBeTruthy();
    const unknown = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'ghost@k3.test', password: 'x' })
      .expect(401);
    expect(unknown.body.error).toBe('INVALID_CREDENTIALS');
    const missing = await ctx.http().post('/api/v1/auth/login').send({}).expect(400);
    expect(missing.body.error).toBe('VALIDATION_FAILED');
  });

  it('rotates refresh tokens and revokes the family when a rotated token is reused', async () => {
    const hr = await seedUser(ctx, Role.Hr, await seedOrganization(ctx));
    const first = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: hr.refreshToken })
      .expect(200);
    expect(first.body.refreshToken).not.toBe(hr.refreshToken);
    await ctx
      .http()
      .get('/api/v1/me')
      .set({ Authorization: `Bearer ${first.body.accessToken}` })
      .expect(200);

    const reuse = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: hr.refreshToken })
      .expect(401);
    expect(reuse.body.error).toBe('REFRESH_TOKEN_REUSED');
    // The legitimately rotated token is now revoked too: the whole family is gone.
    const after = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken })
      .expect(401);
    expect(after.body.error).toBe('REFRESH_TOKEN_REUSED');
    const [{ count }] = await ctx.db.query(
      'SELECT count(*)::int AS count FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
      [hr.id],
    );
    expect(count).toBe(0);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const user = await seedUser(ctx, Role.Instructor);
    const results = await Promise.all(
      [1, 2].map(() =>
        ctx.http().post('/api/v1/auth/refresh').send({ refreshToken: user.refreshToken }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('stores refresh tokens hashed, never in clear', async () => {
    const user = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
    const [id, secret] = user.refreshToken.split('.');
    const [row] = await ctx.db.query('SELECT token_hash FROM refresh_tokens WHERE id = $1', [id]);
    expect(row.token_hash).toHaveLength(64);
    expect(row.token_hash).not.toContain(secret);
  });

  it('logout revokes the refresh token', async () => {
    const user = await seedUser(ctx, Role.Admin);
    await ctx
      .http()
      .post('/api/v1/auth/logout')
      .send({ refreshToken: user.refreshToken })
      .expect(204);
    const res = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: user.refreshToken })
      .expect(401);
    expect(res.body.error).toBe('REFRESH_TOKEN_REUSED');
    await ctx.http().post('/api/v1/auth/refresh').send({ refreshToken: 'garbage' }).expect(401);
  });

  it('throttles failed logins per account (Redis-backed) and still refuses the right password', async () => {
    const victim = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
    for (let i = 0; i < 4; i += 1) {
      await ctx
        .http()
        .post('/api/v1/auth/login')
        .send({ email: victim.email, password: `guess-${i}` })
        .expect(401);
    }
    const limited = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: victim.email, password: 'guess-5' });
    expect(limited.status).toBe(401); // the 5th attempt is still counted and answered
    const blocked = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: victim.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const keys = await ctx.app
      .get<import('ioredis').default>((await import('../src/modules/redis/redis.module')).REDIS)
      .keys(`${ctx.config.queuePrefix}:login:account*`);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('refuses deactivated accounts', async () => {
    const org = await seedOrganization(ctx);
    const hr = await seedUser(ctx, Role.Hr, org);
    const learner = await seedUser(ctx, Role.Learner, org);
    await ctx.http().post(`/api/v1/employees/${learner.id}/deactivate`).set(bearer(hr)).expect(200);
    const res = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: learner.email, password: TEST_PASSWORD });
    // Answered like a wrong password (see access-ends.e2e-spec.ts for the full comparison).
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('INVALID_CREDENTIALS');
    const refresh = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: learner.refreshToken });
    expect(refresh.status).toBe(401);
  });
});

describe('auth: per-IP throttling', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({
      LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '100',
      LOGIN_MAX_FAILURES_PER_IP: '3',
    });
  });
  afterAll(() => ctx?.close());

  it('blocks an IP that spreads guesses over many accounts', async () => {
    const attempts = [];
    for (let i = 0; i < 4; i += 1) {
      attempts.push(
        (
          await ctx
            .http()
            .post('/api/v1/auth/login')
            .send({ email: `victim${i}@k3.test`, password: 'guess' })
        ).status,
      );
    }
    expect(attempts).toEqual([401, 401, 401, 429]);
  });
});
