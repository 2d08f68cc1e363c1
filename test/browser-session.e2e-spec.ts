import { Role } from '../src/common/auth/roles';
import { createPublishedCourse, elapse } from './support/course-fixtures';
import {
  bearer,
  createTestContext,
  SeededUser,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
  TestContext,
} from './support/test-app';

const BASE = '/api/v1/auth/browser';
const SAME_ORIGIN = { 'X-CSRF': '1', 'Sec-Fetch-Site': 'same-origin' };

function sessionCookie(res: { headers: Record<string, unknown> }): string {
  const header = ([] as string[]).concat((res.headers['set-cookie'] as string[] | string) ?? []);
  const cookie = header.find((c) => c.startsWith('k3_refresh='));
  if (!cookie) throw new Error(`no k3_refresh cookie in ${JSON.stringify(header)}`);
  return cookie;
}
const cookieValue = (setCookie: string) => setCookie.split(';')[0];

describe('browser session (refresh token in an httpOnly cookie, CSRF-checked)', () => {
  let ctx: TestContext;
  let learner: SeededUser;
  beforeAll(async () => {
    ctx = await createTestContext({ TRUST_PROXY: 'true' });
    learner = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
  });
  afterAll(() => ctx?.close());

  const login = () =>
    ctx
      .http()
      .post(`${BASE}/login`)
      .set(SAME_ORIGIN)
      .send({ email: learner.email, password: TEST_PASSWORD });

  it('logs in: access token in the body, refresh token only in a strict httpOnly cookie', async () => {
    const res = await login().expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
    const cookie = sessionCookie(res);
    expect(cookie).toMatch(/; Path=\/api\/v1\/auth\/browser;/);
    expect(cookie).toMatch(/; HttpOnly; SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers['cache-control']).toBe('no-store');
    await ctx
      .http()
      .get('/api/v1/me')
      .set({ Authorization: `Bearer ${res.body.accessToken}` })
      .expect(200);
  });

  it('marks the cookie Secure behind an https proxy (TRUST_PROXY + X-Forwarded-Proto)', async () => {
    const res = await login().set('X-Forwarded-Proto', 'https').expect(200);
    expect(sessionCookie(res)).toMatch(/; Secure$/);
  });

  it('refreshes with the cookie (rotating it); a replayed old cookie is refused', async () => {
    const first = cookieValue(sessionCookie(await login().expect(200)));
    const refreshed = await ctx
      .http()
      .post(`${BASE}/refresh`)
      .set(SAME_ORIGIN)
      .set('Cookie', first)
      .expect(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
    const second = cookieValue(sessionCookie(refreshed));
    expect(second).not.toBe(first);
    const replay = await ctx.http().post(`${BASE}/refresh`).set(SAME_ORIGIN).set('Cookie', first);
    expect(replay.status).toBe(401);
    expect(sessionCookie(replay)).toMatch(/^k3_refresh=; .*Max-Age=0/);
  });

  it('refuses without a session cookie (401) and cross-site requests (403 CSRF_REJECTED)', async () => {
    const none = await ctx.http().post(`${BASE}/refresh`).set(SAME_ORIGIN).expect(401);
    expect(none.body.error).toBe('INVALID_REFRESH_TOKEN');
    const cookie = cookieValue(sessionCookie(await login().expect(200)));
    const attempts = [
      { name: 'no header', headers: { 'Sec-Fetch-Site': 'same-origin' } },
      { name: 'cross-site', headers: { 'X-CSRF': '1', 'Sec-Fetch-Site': 'cross-site' } },
      { name: 'foreign origin', headers: { 'X-CSRF': '1', Origin: 'https://evil.example' } },
      { name: 'no origin facts', headers: { 'X-CSRF': '1' } },
    ];
    for (const path of ['refresh', 'logout']) {
      for (const attempt of attempts) {
        const res = await ctx
          .http()
          .post(`${BASE}/${path}`)
          .set(attempt.headers)
          .set('Cookie', cookie);
        expect({ path, attempt: attempt.name, status: res.status, error: res.body.error }).toEqual({
          path,
          attempt: attempt.name,
          status: 403,
          error: 'CSRF_REJECTED',
        });
      }
    }
    const loginNoHeader = await ctx
      .http()
      .post(`${BASE}/login`)
      .send({ email: learner.email, password: TEST_PASSWORD });
    expect(loginNoHeader.status).toBe(403);
    // Refused before the credentials are looked at (a wrong password also gets 403, not 401).
    const wrongPassword = await ctx
      .http()
      .post(`${BASE}/login`)
      .set('Origin', 'https://evil.example')
      .send({ email: learner.email, password: 'not the password' });
    expect(wrongPassword.status).toBe(403);
    // The cookie survived the refused attempts.
    await ctx.http().post(`${BASE}/refresh`).set(SAME_ORIGIN).set('Cookie', cookie).expect(200);
  });

  it('accepts the configured public origin as same-origin', async () => {
    const res = await ctx
      .http()
      .post(`${BASE}/login`)
      .set({ 'X-CSRF': '1', Origin: 'http://k3.test' })
      .send({ email: learner.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('logs out: clears the cookie and revokes the session', async () => {
    const cookie = cookieValue(sessionCookie(await login().expect(200)));
    const out = await ctx
      .http()
      .post(`${BASE}/logout`)
      .set(SAME_ORIGIN)
      .set('Cookie', cookie)
      .expect(204);
    expect(sessionCookie(out)).toMatch(/^k3_refresh=; .*Max-Age=0/);
    await ctx.http().post(`${BASE}/refresh`).set(SAME_ORIGIN).set('Cookie', cookie).expect(401);
  });

  it('keeps the bearer-token login for other clients unchanged', async () => {
    const res = await ctx
      .http()
      .post('/api/v1/auth/login')
      .send({ email: learner.email, password: TEST_PASSWORD })
      .expect(200);
    expect(res.body.refreshToken).toEqual(expect.any(String));
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('enrollment view: what the lesson player needs to decide', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('reports lock reason, seconds still required, canComplete and JP credited as the server rules decide', async () => {
    const admin = await seedUser(ctx, Role.Admin);
    const learner = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
    const course = await createPublishedCourse(ctx, admin, {
      sequential: true,
      jpHours: 3,
      lessons: [{ minSeconds: 60 }, { minSeconds: 0 }],
    });
    const { body: enrolled } = await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const detail = async () =>
      (await ctx.http().get(`/api/v1/enrollments/${enrolled.id}`).set(bearer(learner)).expect(200))
        .body;
    const lessonPath = (i: number, action: string) =>
      `/api/v1/enrollments/${enrolled.id}/lessons/${course.lessonIds[i]}/${action}`;

    let view = await detail();
    expect(view.jpCredited).toBe(0);
    expect(view.lessons[0]).toMatchObject({
      locked: false,
      lockedByLessonId: null,
      secondsStillRequired: 60,
      canComplete: false,
      completeRefusal: 'LESSON_NOT_STARTED',
    });
    expect(view.lessons[1]).toMatchObject({
      locked: true,
      lockedByLessonId: course.lessonIds[0],
      canComplete: false,
      completeRefusal: 'LESSON_LOCKED',
    });

    await ctx.http().post(lessonPath(0, 'start')).set(bearer(learner)).expect(200);
    await elapse(ctx, enrolled.id, 30);
    await ctx.http().post(lessonPath(0, 'heartbeat')).set(bearer(learner)).expect(200);
    view = await detail();
    expect(view.lessons[0]).toMatchObject({
      secondsStillRequired: 30,
      canComplete: false,
      completeRefusal: 'MIN_TIME_NOT_REACHED',
    });

    await elapse(ctx, enrolled.id, 40);
    await ctx.http().post(lessonPath(0, 'heartbeat')).set(bearer(learner)).expect(200);
    view = await detail();
    expect(view.lessons[0]).toMatchObject({
      secondsStillRequired: 0,
      canComplete: true,
      completeRefusal: null,
    });
    await ctx.http().post(lessonPath(0, 'complete')).set(bearer(learner)).expect(200);

    view = await detail();
    expect(view.lessons[0]).toMatchObject({
      status: 'completed',
      canComplete: false,
      completeRefusal: null,
    });
    expect(view.lessons[1]).toMatchObject({ locked: false, lockedByLessonId: null });
    await ctx.http().post(lessonPath(1, 'start')).set(bearer(learner)).expect(200);
    expect((await detail()).lessons[1].canComplete).toBe(true);
    await ctx.http().post(lessonPath(1, 'complete')).set(bearer(learner)).expect(200);
    view = await detail();
    expect(view).toMatchObject({ status: 'completed', jpCredited: 3 });
    const [listed] = (await ctx.http().get('/api/v1/me/courses').set(bearer(learner)).expect(200))
      .body.items;
    expect(listed.jpCredited).toBe(3);
  });
});
