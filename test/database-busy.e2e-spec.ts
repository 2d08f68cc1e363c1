import type { QueryRunner } from 'typeorm';
import { Role } from '../src/common/auth/roles';
import { completeViaApi, seedCourse, seedEnrollment } from './support/certificate-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  TEST_PASSWORD,
} from './support/test-app';

/**
 * A surge that holds every pool connection longer than the acquire timeout: requests that need
 * the database are answered 503 DATABASE_BUSY with Retry-After (a client may retry), not 500,
 * and the same requests succeed once connections are free again.
 */
describe('database busy: an exhausted pool answers 503 DATABASE_BUSY', () => {
  it('refuses with 503 + Retry-After while the pool is held, and recovers once released', async () => {
    const ctx = await createTestContext({
      DATABASE_POOL_SIZE: '2',
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '300',
    });
    const held: QueryRunner[] = [];
    try {
      const admin = await seedUser(ctx, Role.Admin);
      const list = () => ctx.http().get('/api/v1/admin/organizations').set(bearer(admin));
      const login = () =>
        ctx.http().post('/api/v1/auth/login').send({ email: admin.email, password: TEST_PASSWORD });
      await list().expect(200);

      // Every connection of the API's own pool is taken, as by long-running requests.
      for (let i = 0; i < 2; i += 1) {
        const runner = ctx.db.createQueryRunner();
        await runner.connect();
        await runner.query('SELECT 1');
        held.push(runner);
      }
      for (const response of [await list(), await login()]) {
        expect(response.status).toBe(503);
        expect(response.body).toMatchObject({
          statusCode: 503,
          error: 'DATABASE_BUSY',
          details: { retryAfterSeconds: 2 },
        });
        expect(response.headers['retry-after']).toBe('2');
      }

      while (held.length) await held.pop()!.release();
      const listed = await list().expect(200);
      expect(Array.isArray(listed.body.items)).toBe(true);
      await login().expect(200);
    } finally {
      for (const runner of held) await runner.release();
      await ctx.close();
    }
  });

  it('a burst of lesson starts and completions on a course nobody has opened yet never waits for a second connection', async () => {
    // Two connections: a transaction that asked the pool for another one (the course outline,
    // not cached yet) would wait for the other transaction's, and both would end in 503.
    const ctx = await createTestContext({
      DATABASE_POOL_SIZE: '2',
      DATABASE_POOL_ACQUIRE_TIMEOUT_MS: '1000',
    });
    try {
      const org = await seedOrganization(ctx);
      const instructor = await seedUser(ctx, Role.Instructor);
      const course = await seedCourse(ctx, instructor.id);
      const learners = await Promise.all(
        Array.from({ length: 8 }, () => seedUser(ctx, Role.Learner, org)),
      );
      const enrollments = await Promise.all(learners.map((l) => seedEnrollment(ctx, l, course)));
      await Promise.all(
        learners.map((l, i) => completeViaApi(ctx, l, enrollments[i], course.lessonId)),
      );
      const [{ completed }] = await ctx.db.query(
        `SELECT count(*)::int AS completed FROM enrollments WHERE id = ANY($1) AND status = 'completed'`,
        [enrollments],
      );
      expect(completed).toBe(learners.length);
    } finally {
      await ctx.close();
    }
  });
});
