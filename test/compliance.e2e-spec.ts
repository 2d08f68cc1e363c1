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

describe('compliance matrix', () => {
  let ctx: TestContext;
  let orgId: string;
  let hr: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    orgId = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, orgId);
    const author = await seedUser(ctx, Role.Admin);
    const course = await seedCourse(ctx.db, author.id);
    const states: [string, number | null, number | null][] = [
      ['Ani valid', 200, null],
      ['Budi expiring', 20, null],
      ['Citra expired', -5, null],
      ['Dedi training', null, 10],
      ['Eka overdue', null, -3],
      ['Fajar none', null, null],
    ];
    for (const [name, certDays, dueDays] of states) {
      const l = await seedUser(ctx, Role.Learner, orgId, { name });
      if (certDays !== null) {
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
          expiresAt: fromNow(certDays),
        });
      }
      if (dueDays !== null) {
        await seedEnrollment(ctx.db, {
          userId: l.id,
          organizationId: orgId,
          course,
          dueAt: fromNow(dueDays),
          lastActivityAt: new Date(),
        });
      }
    }
  });
  afterAll(() => ctx.close());

  const matrix = (query: Record<string, string | number>) =>
    ctx.http().get('/api/v1/compliance/matrix').query(query).set(bearer(hr)).expect(200);

  it('shows every cell state, paged by name with the cursor', async () => {
    const seen: { name: string; state: string; validUntil: string | null }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await matrix(cursor ? { limit: 4, cursor } : { limit: 4 });
      pages += 1;
      for (const row of res.body.items) {
        expect(row.cells).toHaveLength(1);
        seen.push({ name: row.name, ...row.cells[0] });
      }
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen.map((s) => [s.name, s.state])).toEqual([
      ['Ani valid', 'valid'],
      ['Budi expiring', 'expiring'],
      ['Citra expired', 'expired'],
      ['Dedi training', 'in_progress'],
      ['Eka overdue', 'overdue'],
      ['Fajar none', 'none'],
    ]);
    expect(seen[0].validUntil).not.toBeNull();
    expect(seen[2].validUntil).toBeNull();
  });

  it('filters by state, competency and search', async () => {
    const overdue = await matrix({ state: 'overdue', competency: 'K3-01' });
    expect(overdue.body.items.map((r: { name: string }) => r.name)).toEqual(['Eka overdue']);
    const found = await matrix({ search: 'citra' });
    expect(found.body.items.map((r: { name: string }) => r.name)).toEqual(['Citra expired']);
    const other = await matrix({ competency: 'NOPE' });
    expect(other.body.items.every((r: { cells: unknown[] }) => r.cells.length === 0)).toBe(true);
  });

  it('refuses a forged cursor with 400', async () => {
    await ctx
      .http()
      .get('/api/v1/compliance/matrix')
      .query({ cursor: 'bm9wZQ' })
      .set(bearer(hr))
      .expect(400);
  });
});
