import { Role } from '../src/common/auth/roles';
import { OwnRedis } from './support/own-redis';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TEST_PASSWORD,
  TestContext,
} from './support/test-app';

const withoutRequestId = (body: Record<string, unknown>) => {
  const { requestId, ...rest } = body;
  expect(requestId).toBeTruthy();
  return rest;
};

describe('access ends at once: deactivation, organization deactivation, logout', () => {
  let ctx: TestContext;
  let admin: SeededUser;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await seedUser(ctx, Role.Admin);
  });
  afterAll(() => ctx?.close());

  const login = (email: string, password = TEST_PASSWORD) =>
    ctx.http().post('/api/v1/auth/login').send({ email, password });
  const me = (user: { token: string }) => ctx.http().get('/api/v1/me').set(bearer(user));
  const myCourses = (user: { token: string }) =>
    ctx.http().get('/api/v1/me/courses').set(bearer(user));
  const setOrganizationActive = (id: string, isActive: boolean) =>
    ctx
      .http()
      .patch(`/api/v1/admin/organizations/${id}`)
      .set(bearer(admin))
      .send({ isActive })
      .expect(200);

  it('refuses a deactivated learner’s existing token on the very next request', async () => {
    const org = await seedOrganization(ctx);
    const hr = await seedUser(ctx, Role.Hr, org);
    const learner = await seedUser(ctx, Role.Learner, org);
    // Both answered (and cached) before the deactivation.
    await me(learner).expect(200);
    await myCourses(learner).expect(200);

    await ctx.http().post(`/api/v1/employees/${learner.id}/deactivate`).set(bearer(hr)).expect(200);

    const refused = await me(learner).expect(401);
    expect(refused.body.error).toBe('UNAUTHENTICATED');
    expect((await myCourses(learner).expect(401)).body.error).toBe('UNAUTHENTICATED');
    await me(hr).expect(200);
    const refresh = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: learner.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it('reactivation restores login but not the tokens issued before the deactivation', async () => {
    const learner = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
    await me(learner).expect(200);
    const patch = (isActive: boolean) =>
      ctx
        .http()
        .patch(`/api/v1/admin/users/${learner.id}`)
        .set(bearer(admin))
        .send({ isActive })
        .expect(200);
    await patch(false);
    await me(learner).expect(401);
    await patch(true);
    await me(learner).expect(401);
    const again = await login(learner.email).expect(200);
    await me({ token: again.body.accessToken }).expect(200);
  });

  it('a password change ends existing tokens; a login right after it works', async () => {
    const instructor = await seedUser(ctx, Role.Instructor);
    await me(instructor).expect(200);
    const newPassword = 'a brand new passphrase';
    await ctx
      .http()
      .patch(`/api/v1/admin/users/${instructor.id}`)
      .set(bearer(admin))
      .send({ password: newPassword })
      .expect(200);
    await me(instructor).expect(401);
    const fresh = await login(instructor.email, newPassword).expect(200);
    await me({ token: fresh.body.accessToken }).expect(200);
  });

  it('deactivating an organization locks out its HR and learners until it is reactivated', async () => {
    const org = await seedOrganization(ctx);
    const hr = await seedUser(ctx, Role.Hr, org);
    const learner = await seedUser(ctx, Role.Learner, org);
    const outsider = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
    await me(hr).expect(200);
    await me(learner).expect(200);
    await ctx.http().get('/api/v1/employees').set(bearer(hr)).expect(200);

    await setOrganizationActive(org, false);

    // Existing tokens: refused on the next request, for every member, without touching users.
    await me(hr).expect(401);
    await ctx.http().get('/api/v1/employees').set(bearer(hr)).expect(401);
    await me(learner).expect(401);
    await myCourses(learner).expect(401);
    await me(outsider).expect(200);
    const [{ active }] = await ctx.db.query(
      'SELECT bool_and(is_active) AS active FROM users WHERE organization_id = $1',
      [org],
    );
    expect(active).toBe(true);
    // Login: answered like a wrong password.
    const hrLogin = await login(hr.email).expect(401);
    expect(hrLogin.body.error).toBe('INVALID_CREDENTIALS');
    expect((await login(learner.email).expect(401)).body.error).toBe('INVALID_CREDENTIALS');
    // Refresh: refused, and that refresh token's session is ended for good.
    const refresh = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: hr.refreshToken })
      .expect(401);
    expect(refresh.body.error).toBe('INVALID_REFRESH_TOKEN');

    await setOrganizationActive(org, true);

    // Login works again for both.
    const hrAgain = await login(hr.email).expect(200);
    await me({ token: hrAgain.body.accessToken }).expect(200);
    await login(learner.email).expect(200);
    // The learner's unexpired token from before is usable again (the organization was only
    // suspended); the HR's old session is not, its refresh attempt ended it.
    await me(learner).expect(200);
    await me(hr).expect(401);
    await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: hr.refreshToken })
      .expect(401);
  });

  it('logout ends that session’s access token, not the user’s other sessions', async () => {
    const learner = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
    const other = await login(learner.email).expect(200);
    const otherSession = { token: other.body.accessToken as string };
    // A token obtained by refreshing belongs to the same session as the login it came from.
    const rotated = await ctx
      .http()
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: learner.refreshToken })
      .expect(200);
    const rotatedSession = { token: rotated.body.accessToken as string };
    await me(learner).expect(200);
    await me(rotatedSession).expect(200);

    await ctx
      .http()
      .post('/api/v1/auth/logout')
      .send({ refreshToken: rotated.body.refreshToken })
      .expect(204);

    expect((await me(learner).expect(401)).body.error).toBe('UNAUTHENTICATED');
    await me(rotatedSession).expect(401);
    await me(otherSession).expect(200);
  });

  it('login on a deactivated account answers the right password exactly like a wrong one', async () => {
    const org = await seedOrganization(ctx);
    const hr = await seedUser(ctx, Role.Hr, org);
    const learner = await seedUser(ctx, Role.Learner, org);
    await ctx.http().post(`/api/v1/employees/${learner.id}/deactivate`).set(bearer(hr)).expect(200);

    const right = await login(learner.email, TEST_PASSWORD);
    const wrong = await login(learner.email, 'not the password');
    const unknown = await login('nobody-here@k3.test', TEST_PASSWORD);
    expect(right.status).toBe(401);
    expect(wrong.status).toBe(right.status);
    expect(withoutRequestId(right.body)).toEqual(withoutRequestId(wrong.body));
    expect(withoutRequestId(unknown.body)).toEqual(withoutRequestId(wrong.body));
    expect(right.body.error).toBe('INVALID_CREDENTIALS');

    // Same for an active user of a deactivated organization.
    await setOrganizationActive(org, false);
    const hrRight = await login(hr.email, TEST_PASSWORD);
    const hrWrong = await login(hr.email, 'not the password');
    expect(hrRight.status).toBe(401);
    expect(hrWrong.status).toBe(401);
    expect(withoutRequestId(hrRight.body)).toEqual(withoutRequestId(hrWrong.body));
  });

  it('PATCH /admin/users/:id answers with the whole stored user', async () => {
    const org = await seedOrganization(ctx);
    const created = await ctx
      .http()
      .post('/api/v1/admin/users')
      .set(bearer(admin))
      .send({
        email: 'dewi.patch@k3.test',
        name: 'Dewi Lestari',
        role: 'learner',
        organizationId: org,
        employeeId: 'E-777',
        nik: '3171234567890777',
        locale: 'en',
      })
      .expect(201);
    const patched = await ctx
      .http()
      .patch(`/api/v1/admin/users/${created.body.id}`)
      .set(bearer(admin))
      .send({ name: 'Dewi L.' })
      .expect(200);
    expect(patched.body).toEqual({ ...created.body, name: 'Dewi L.' });
    expect(patched.body).toMatchObject({ employeeId: 'E-777', nik: '3171234567890777' });
    const stored = await ctx
      .http()
      .get(`/api/v1/admin/users/${created.body.id}`)
      .set(bearer(admin))
      .expect(200);
    expect(patched.body).toEqual(stored.body);
  });
});

describe('access ends at once: with Redis down the check reads PostgreSQL', () => {
  let redis: OwnRedis;
  let ctx: TestContext;
  beforeAll(async () => {
    redis = await OwnRedis.start();
    ctx = await createTestContext({ REDIS_URL: redis.url });
  }, 60_000);
  afterAll(async () => {
    await ctx?.close();
    await redis?.stop();
  });

  it('keeps answering active users and refuses a user deactivated while Redis is down', async () => {
    const org = await seedOrganization(ctx);
    const hr = await seedUser(ctx, Role.Hr, org);
    const learner = await seedUser(ctx, Role.Learner, org);
    await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(200);

    await redis.stop();
    await ctx.http().get('/api/v1/me').set(bearer(hr)).expect(200);
    await ctx.http().post(`/api/v1/employees/${learner.id}/deactivate`).set(bearer(hr)).expect(200);
    await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(401);

    // Back up (empty, as after a restart): the cache refills from PostgreSQL.
    await redis.start();
    await ctx.http().get('/api/v1/me').set(bearer(learner)).expect(401);
    await ctx.http().get('/api/v1/me').set(bearer(hr)).expect(200);
  }, 60_000);
});
