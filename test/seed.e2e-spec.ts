import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/seed/demo-seed';
import '../src/seed/demo-course';
import { createTestContext, TestContext } from './support/test-app';

describe('demo seed', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('creates working demo logins and a published course a learner can enroll in; re-running changes nothing', async () => {
    await seedDemo(ctx.db);
    await seedDemo(ctx.db);
    const [{ users }] = await ctx.db.query('SELECT count(*)::int AS users FROM users');
    expect(users).toBe(DEMO_USERS.length);

    const tokens: Record<string, string> = {};
    for (const user of DEMO_USERS) {
      const res = await ctx
        .http()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      tokens[user.email] = res.body.accessToken;
    }
    const learner = { Authorization: `Bearer ${tokens['budi@demo.k3-lms.local']}` };
    const catalogue = await ctx.http().get('/api/v1/courses').set(learner).expect(200);
    const course = catalogue.body.items.find((c: { code: string }) => c.code === 'AK3U-DEMO');
    expect(course).toBeDefined();
    const enroll = await ctx.http().post(`/api/v1/courses/${course.id}/enroll`).set(learner);
    expect(enroll.status).toBe(201);
    const mine = await ctx.http().get('/api/v1/me/courses').set(learner).expect(200);
    expect(JSON.stringify(mine.body)).toContain('Ahli K3 Umum (Demo)');
  });
});
