import { Role } from '../src/common/auth/roles';
import { seedCertificate, seedCourse, seedEnrollment } from './support/notification-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const DAY = 86_400_000;
const fromNow = (days: number) => new Date(Date.now() + days * DAY);

describe('compliance summary', () => {
  let ctx: TestContext;
  let orgId: string;
  let hr: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    orgId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    const author = await seedUser(ctx, Role.Admin);
    const course = await seedCourse(ctx.db, author.id, 'Ahli K3 Umum');
    const learner = () => seedUser(ctx, Role.Learner, orgId);
    const certified = async (expiresInDays: number) => {
      const l = await learner();
      const enrollmentId = await seedEnrollment(ctx.db, {
        userId: l.id,
        organizationId: orgId,
        course,
        dueAt: null,
        lastActivityAt: new Date(),
        status: 'completed',
      });
      await seedCertificate(ctx.db, {
        enrollmentId,
        userId: l.id,
        organizationId: orgId,
        course,
        expiresAt: fromNow(expiresInDays),
      });
    };
    const training = async (dueInDays: number) => {
      const l = await learner();
      await seedEnrollment(ctx.db, {
        userId: l.id,
        organizationId: orgId,
        course,
        dueAt: fromNow(dueInDays),
        lastActivityAt: new Date(),
      });
    };
    await certified(200);
    await certified(20);
    await certified(45);
    await certified(-5);
    await training(10);
    await training(-3);
    await training(-4);
    await learner(); // none: not counted anywhere
  });
  afterAll(() => ctx.close());

  const expected = {
    competencyCode: 'K3-01',
    nameId: 'Ahli K3 Umum (ID)',
    nameEn: 'Ahli K3 Umum (EN)',
    valid: 3,
    expiring30: 1,
    expiring60: 2,
    expiring90: 2,
    expired: 1,
    inTraining: 1,
    overdue: 2,
  };

  it('counts each employee once per competency, in the cell rule precedence', async () => {
    const res = await ctx.http().get('/api/v1/compliance/summary').set(bearer(hr)).expect(200);
    expect(res.body.competencies).toEqual([expected]);
  });

  it('is scoped: another organization HR sees nothing, a learner is refused', async () => {
    const otherOrg = await seedOrganization(ctx);
    const otherHr = await seedUser(ctx, Role.Hr, otherOrg);
    const res = await ctx
      .http()
      .get('/api/v1/compliance/summary')
      .query({ organizationId: orgId })
      .set(bearer(otherHr))
      .expect(200);
    expect(res.body.competencies).toEqual([]);
    const learner = await seedUser(ctx, Role.Learner, orgId);
    await ctx.http().get('/api/v1/compliance/summary').set(bearer(learner)).expect(403);
  });

  it('lets an admin pick the organization, and requires one', async () => {
    const admin = await seedUser(ctx, Role.Admin);
    const res = await ctx
      .http()
      .get('/api/v1/compliance/summary')
      .query({ organizationId: orgId })
      .set(bearer(admin))
      .expect(200);
    expect(res.body.competencies).toEqual([expected]);
    const missing = await ctx
      .http()
      .get('/api/v1/compliance/summary')
      .set(bearer(admin))
      .expect(400);
    expect(missing.body.error).toBe('COMPLIANCE_ORGANIZATION_REQUIRED');
  });
});
