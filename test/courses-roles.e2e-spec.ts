import { Role } from '../src/common/auth/roles';
import { createPublishedCourse } from './support/course-fixtures';
import { checkRoleMatrix, RouteCase } from './support/role-matrix';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  TestContext,
} from './support/test-app';

const { Admin, Instructor, Hr, Learner } = Role;
const ALL = [Admin, Instructor, Hr, Learner];
const AUTHORS = [Admin, Instructor];

describe('courses and enrollments: role x route matrix', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('every new route admits exactly its declared roles', async () => {
    const org = await seedOrganization(ctx);
    const users = {
      [Admin]: await seedUser(ctx, Admin),
      [Instructor]: await seedUser(ctx, Instructor),
      [Hr]: await seedUser(ctx, Hr, org),
      [Learner]: await seedUser(ctx, Learner, org),
    };
    const tokens = Object.fromEntries(
      Object.entries(users).map(([role, u]) => [role, u.token]),
    ) as Record<Role, string>;
    const open = await createPublishedCourse(ctx, users[Instructor]);
    const lesson = open.lessonIds[0];
    const enrolled = await ctx
      .http()
      .post(`/api/v1/courses/${open.courseId}/enroll`)
      .set(bearer(users[Learner]))
      .expect(201);
    const e = enrolled.body.id;
    const draft = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(users[Instructor]))
      .send({
        code: `RM-${Date.now()}`,
        titleId: 'RM',
        titleEn: 'RM',
        competencyCode: 'AK3U',
        jpHours: 1,
      })
      .expect(201);
    const c = draft.body.id;
    const m = (
      await ctx
        .http()
        .post(`/api/v1/courses/${c}/modules`)
        .set(bearer(users[Instructor]))
        .send({ titleId: 'M', titleEn: 'M' })
        .expect(201)
    ).body.id;
    const l = (
      await ctx
        .http()
        .post(`/api/v1/courses/${c}/modules/${m}/lessons`)
        .set(bearer(users[Instructor]))
        .send({ type: 'text', titleId: 'L', titleEn: 'L', minSeconds: 0 })
        .expect(201)
    ).body.id;
    const A = open.courseId;
    const routes: RouteCase[] = [
      { method: 'post', path: '/api/v1/courses', allowed: AUTHORS },
      { method: 'get', path: '/api/v1/courses', allowed: ALL },
      { method: 'get', path: `/api/v1/courses/${A}`, allowed: ALL },
      { method: 'patch', path: `/api/v1/courses/${c}`, allowed: AUTHORS },
      { method: 'get', path: `/api/v1/courses/${c}/versions`, allowed: AUTHORS },
      { method: 'post', path: `/api/v1/courses/${c}/modules`, allowed: AUTHORS },
      { method: 'post', path: `/api/v1/courses/${c}/modules/reorder`, allowed: AUTHORS },
      { method: 'patch', path: `/api/v1/courses/${c}/modules/${m}`, allowed: AUTHORS },
      { method: 'post', path: `/api/v1/courses/${c}/modules/${m}/lessons`, allowed: AUTHORS },
      {
        method: 'post',
        path: `/api/v1/courses/${c}/modules/${m}/lessons/reorder`,
        allowed: AUTHORS,
      },
      { method: 'patch', path: `/api/v1/courses/${c}/lessons/${l}`, allowed: AUTHORS },
      { method: 'post', path: `/api/v1/courses/${c}/lessons/${l}/file`, allowed: AUTHORS },
      { method: 'post', path: `/api/v1/courses/${c}/publish`, allowed: AUTHORS },
      { method: 'post', path: `/api/v1/courses/${c}/versions`, allowed: AUTHORS },
      { method: 'delete', path: `/api/v1/courses/${c}/lessons/${l}`, allowed: AUTHORS },
      { method: 'delete', path: `/api/v1/courses/${c}/modules/${m}`, allowed: AUTHORS },
      { method: 'post', path: `/api/v1/courses/${c}/archive`, allowed: AUTHORS },
      { method: 'get', path: `/api/v1/courses/${c}/staff`, allowed: AUTHORS },
      {
        method: 'post',
        path: `/api/v1/courses/${c}/staff`,
        allowed: AUTHORS,
        body: { userId: users[Instructor].id },
      },
      {
        method: 'delete',
        path: `/api/v1/courses/${c}/staff/${users[Learner].id}`,
        allowed: AUTHORS,
      },
      { method: 'post', path: `/api/v1/courses/${A}/enroll`, allowed: [Learner] },
      { method: 'post', path: `/api/v1/courses/${A}/assignments`, allowed: [Hr] },
      { method: 'post', path: `/api/v1/courses/${A}/assignments/import`, allowed: [Hr] },
      { method: 'get', path: `/api/v1/courses/${A}/roster`, allowed: AUTHORS },
      { method: 'get', path: '/api/v1/me/courses', allowed: [Learner] },
      { method: 'get', path: `/api/v1/enrollments/${e}`, allowed: ALL },
      { method: 'get', path: `/api/v1/enrollments/${e}/lessons/${lesson}`, allowed: [Learner] },
      {
        method: 'get',
        path: `/api/v1/enrollments/${e}/lessons/${lesson}/file`,
        allowed: [Learner],
      },
      {
        method: 'post',
        path: `/api/v1/enrollments/${e}/lessons/${lesson}/start`,
        allowed: [Learner],
      },
      {
        method: 'post',
        path: `/api/v1/enrollments/${e}/lessons/${lesson}/heartbeat`,
        allowed: [Learner],
      },
      {
        method: 'post',
        path: `/api/v1/enrollments/${e}/lessons/${lesson}/complete`,
        allowed: [Learner],
      },
      { method: 'get', path: `/api/v1/reports/courses/${A}`, allowed: AUTHORS },
      { method: 'get', path: '/api/v1/reports/organization', allowed: [Hr, Admin] },
      {
        method: 'get',
        path: '/api/v1/reports/organization/export?format=csv',
        allowed: [Hr, Admin],
      },
      { method: 'post', path: `/api/v1/enrollments/${e}/withdraw`, allowed: [Admin, Hr, Learner] },
    ];
    expect(await checkRoleMatrix(ctx, routes, tokens)).toEqual([]);
  });
});
