import ExcelJS from 'exceljs';
import { Role } from '../src/common/auth/roles';
import {
  EnrollmentCompletedEvent,
  EnrollmentEvents,
  EnrollmentsAssignedEvent,
} from '../src/modules/enrollments/enrollment-events';
import { createPublishedCourse, elapse } from './support/course-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

describe('enrollments and progress', () => {
  let ctx: TestContext;
  let instructor: SeededUser;
  let org: string;
  let hr: SeededUser;
  const completedInTx: EnrollmentCompletedEvent[] = [];
  const completedAfter: EnrollmentCompletedEvent[] = [];
  const assigned: EnrollmentsAssignedEvent[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    ctx.app.get(EnrollmentEvents).onCompleted({
      inTransaction: async (event, tx) => {
        // Runs inside the completing transaction: the enrollment is already completed there.
        const [row] = await tx.query('SELECT status FROM enrollments WHERE id = $1', [
          event.enrollmentId,
        ]);
        if (row.status === 'completed') completedInTx.push(event);
      },
      afterCommit: async (event) => {
        completedAfter.push(event);
      },
    });
    ctx.app.get(EnrollmentEvents).onAssigned({
      afterCommit: async (event) => {
        assigned.push(event);
      },
    });
    instructor = await seedUser(ctx, Role.Instructor);
    org = await seedOrganization(ctx);
    hr = await seedUser(ctx, Role.Hr, org);
  });
  afterAll(() => ctx?.close());

  const start = (learner: SeededUser, enrollmentId: string, lessonId: string) =>
    ctx
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/start`)
      .set(bearer(learner));
  const heartbeat = (learner: SeededUser, enrollmentId: string, lessonId: string) =>
    ctx
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/heartbeat`)
      .set(bearer(learner));
  const complete = (learner: SeededUser, enrollmentId: string, lessonId: string) =>
    ctx
      .http()
      .post(`/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}/complete`)
      .set(bearer(learner));
  const assign = (courseId: string, userIds: string[], dueAt?: string | null) =>
    ctx
      .http()
      .post(`/api/v1/courses/${courseId}/assignments`)
      .set(bearer(hr))
      .send({ userIds, ...(dueAt !== undefined && { dueAt }) });

  it('author -> publish -> assign -> learn -> complete, pinned to the version it started on', async () => {
    const course = await createPublishedCourse(ctx, instructor, {
      lessons: [{ minSeconds: 0 }, { minSeconds: 30 }],
      enrollmentMode: 'assigned',
    });
    const first = await seedUser(ctx, Role.Learner, org);
    const res = await assign(course.courseId, [first.id], '2030-01-31T00:00:00Z').expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const enrollmentId = res.body.items[0].enrollmentId as string;
    expect(assigned.some((e) => e.enrollmentIds.includes(enrollmentId))).toBe(true);

    // Version 2 adds a lesson; the existing enrollment keeps version 1.
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/versions`)
      .set(bearer(instructor))
      .expect(201);
    const draft = await ctx
      .http()
      .get(`/api/v1/courses/${course.courseId}`)
      .set(bearer(instructor))
      .expect(200);
    const draftModule = draft.body.draft.modules[0];
    expect(draftModule.lessons).toHaveLength(2);
    expect(draftModule.lessons[0].id).not.toBe(course.lessonIds[0]);
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/modules/${draftModule.id}/lessons`)
      .set(bearer(instructor))
      .send({ type: 'text', titleId: 'Tambahan', titleEn: 'Extra', minSeconds: 0, content: {} })
      .expect(201);
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/publish`)
      .set(bearer(instructor))
      .expect(200);
    const versions = await ctx
      .http()
      .get(`/api/v1/courses/${course.courseId}/versions`)
      .set(bearer(instructor))
      .expect(200);
    expect(versions.body.map((v: { status: string }) => v.status)).toEqual([
      'published',
      'superseded',
    ]);

    const pinned = await ctx
      .http()
      .get(`/api/v1/enrollments/${enrollmentId}`)
      .set(bearer(first))
      .expect(200);
    expect(pinned.body).toMatchObject({ versionNo: 1, status: 'not_started', percent: 0 });
    expect(pinned.body.lessons.map((l: { id: string }) => l.id)).toEqual(course.lessonIds);

    const second = await seedUser(ctx, Role.Learner, org);
    const later = await assign(course.courseId, [second.id]).expect(200);
    const laterView = await ctx
      .http()
      .get(`/api/v1/enrollments/${later.body.items[0].enrollmentId}`)
      .set(bearer(second))
      .expect(200);
    expect(laterView.body.versionNo).toBe(2);
    expect(laterView.body.lessons).toHaveLength(3);

    // Learn.
    await start(first, enrollmentId, course.lessonIds[0]).expect(200);
    const firstDone = await complete(first, enrollmentId, course.lessonIds[0]).expect(200);
    expect(firstDone.body).toMatchObject({
      lessonStatus: 'completed',
      enrollmentStatus: 'in_progress',
      percent: 50,
      nextLessonId: course.lessonIds[1],
    });
    await start(first, enrollmentId, course.lessonIds[1]).expect(200);
    await elapse(ctx, enrollmentId, 40);
    const beat = await heartbeat(first, enrollmentId, course.lessonIds[1]).expect(200);
    expect(beat.body).toMatchObject({ accepted: true, creditedSeconds: 40 });
    const done = await complete(first, enrollmentId, course.lessonIds[1]).expect(200);
    expect(done.body).toMatchObject({ enrollmentStatus: 'completed', percent: 100 });
    expect(done.body.nextLessonId).toBeNull();

    const again = await complete(first, enrollmentId, course.lessonIds[1]).expect(200);
    expect(again.body.enrollmentStatus).toBe('completed');
    const completions = completedInTx.filter((e) => e.enrollmentId === enrollmentId);
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatchObject({ userId: first.id, organizationId: org });
    await new Promise((r) => setTimeout(r, 50));
    expect(completedAfter.filter((e) => e.enrollmentId === enrollmentId)).toHaveLength(1);

    const report = await ctx
      .http()
      .get(`/api/v1/reports/courses/${course.courseId}`)
      .set(bearer(instructor))
      .expect(200);
    expect(report.body).toMatchObject({
      enrolled: 2,
      byStatus: { completed: 1, not_started: 1, in_progress: 0, overdue: 0, withdrawn: 0 },
      averagePercent: 50,
      versions: [
        { versionNo: 2, enrolled: 1 },
        { versionNo: 1, enrolled: 1 },
      ],
    });
    const v1Lessons = report.body.lessons.filter((l: { versionNo: number }) => l.versionNo === 1);
    expect(v1Lessons).toEqual([
      expect.objectContaining({ titleEn: 'Lesson 1', type: 'text', quizId: null, completed: 1 }),
      expect.objectContaining({ titleEn: 'Lesson 2', type: 'text', quizId: null, completed: 1 }),
    ]);
    const roster = await ctx
      .http()
      .get(`/api/v1/courses/${course.courseId}/roster?status=completed`)
      .set(bearer(instructor))
      .expect(200);
    expect(roster.body.items.map((r: { userId: string }) => r.userId)).toEqual([first.id]);

    const mine = await ctx.http().get('/api/v1/me/courses').set(bearer(first)).expect(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      id: enrollmentId,
      status: 'completed',
      percent: 100,
      timeSpentSeconds: 40,
      nextLessonId: null,
    });
  });

  it('refuses completion before the minimum time with a clear code', async () => {
    const course = await createPublishedCourse(ctx, instructor, { lessons: [{ minSeconds: 300 }] });
    const learner = await seedUser(ctx, Role.Learner, org);
    const enrolled = await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const id = enrolled.body.id;
    const lesson = course.lessonIds[0];
    await start(learner, id, lesson).expect(200);
    const early = await complete(learner, id, lesson).expect(409);
    expect(early.body).toMatchObject({
      error: 'MIN_TIME_NOT_REACHED',
      details: { requiredSeconds: 300, spentSeconds: 0 },
    });
    await elapse(ctx, id, 60);
    const later = await complete(learner, id, lesson).expect(409);
    expect(later.body.details).toEqual({ requiredSeconds: 300, spentSeconds: 60 });
    const [row] = await ctx.db.query('SELECT status FROM enrollments WHERE id = $1', [id]);
    expect(row.status).toBe('in_progress');
  });

  it('self-enrolment is idempotent and only for open courses', async () => {
    const open = await createPublishedCourse(ctx, instructor);
    const learner = await seedUser(ctx, Role.Learner, org);
    const a = await ctx
      .http()
      .post(`/api/v1/courses/${open.courseId}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const b = await ctx
      .http()
      .post(`/api/v1/courses/${open.courseId}/enroll`)
      .set(bearer(learner))
      .expect(200);
    expect(b.body).toEqual({ id: a.body.id, created: false });
    const closed = await createPublishedCourse(ctx, instructor, { enrollmentMode: 'assigned' });
    const refused = await ctx
      .http()
      .post(`/api/v1/courses/${closed.courseId}/enroll`)
      .set(bearer(learner))
      .expect(403);
    expect(refused.body.error).toBe('SELF_ENROLL_NOT_ALLOWED');
  });

  it('locks lessons in a sequential course until earlier required ones are done', async () => {
    const course = await createPublishedCourse(ctx, instructor, {
      sequential: true,
      lessons: [{ minSeconds: 0 }, { minSeconds: 0, required: false }, { minSeconds: 0 }],
    });
    const learner = await seedUser(ctx, Role.Learner, org);
    const { body } = await assign(course.courseId, [learner.id]).expect(200);
    const id = body.items[0].enrollmentId;
    const [l1, l2, l3] = course.lessonIds;
    const locked = await start(learner, id, l3).expect(409);
    expect(locked.body.error).toBe('LESSON_LOCKED');
    const view = await ctx.http().get(`/api/v1/enrollments/${id}`).set(bearer(learner)).expect(200);
    expect(view.body.lessons.map((l: { locked: boolean }) => l.locked)).toEqual([
      false,
      true,
      true,
    ]);
    await start(learner, id, l1).expect(200);
    await complete(learner, id, l1).expect(200);
    // The optional lesson 2 does not block lesson 3.
    await start(learner, id, l3).expect(200);
    const done = await complete(learner, id, l3).expect(200);
    expect(done.body.enrollmentStatus).toBe('completed');
    await start(learner, id, l2).expect(200);
  });

  it('20 concurrent heartbeats credit one interval; two tabs share one clock', async () => {
    const course = await createPublishedCourse(ctx, instructor, {
      lessons: [{ minSeconds: 600 }, { minSeconds: 600 }],
    });
    const learner = await seedUser(ctx, Role.Learner, org);
    const { body } = await assign(course.courseId, [learner.id]).expect(200);
    const id = body.items[0].enrollmentId;
    const [l1, l2] = course.lessonIds;
    await start(learner, id, l1).expect(200);
    await start(learner, id, l2).expect(200);
    await elapse(ctx, id, 45);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => heartbeat(learner, id, i % 2 ? l1 : l2)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(results.filter((r) => r.body.accepted)).toHaveLength(1);
    const [enrollment] = await ctx.db.query(
      'SELECT time_spent_seconds FROM enrollments WHERE id = $1',
      [id],
    );
    expect(enrollment.time_spent_seconds).toBe(45);
    const [{ total }] = await ctx.db.query(
      'SELECT sum(time_spent_seconds)::int AS total FROM lesson_progress WHERE enrollment_id = $1',
      [id],
    );
    expect(total).toBe(45);

    // A long gap is capped.
    await elapse(ctx, id, 3600);
    const capped = await heartbeat(learner, id, l1).expect(200);
    expect(capped.body.creditedSeconds).toBe(90);
  });

  it('re-assigning is idempotent: same enrollment, updated due date', async () => {
    const course = await createPublishedCourse(ctx, instructor);
    const learner = await seedUser(ctx, Role.Learner, org);
    const first = await assign(course.courseId, [learner.id], '2030-01-01T00:00:00Z').expect(200);
    const same = await assign(course.courseId, [learner.id], '2030-01-01T00:00:00Z').expect(200);
    expect(same.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const moved = await assign(course.courseId, [learner.id], '2030-06-01T00:00:00Z').expect(200);
    expect(moved.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(moved.body.items[0].enrollmentId).toBe(first.body.items[0].enrollmentId);
    const rows = await ctx.db.query(
      'SELECT due_at FROM enrollments WHERE user_id = $1 AND course_id = $2',
      [learner.id, course.courseId],
    );
    expect(rows).toHaveLength(1);
    expect(new Date(rows[0].due_at).toISOString()).toBe('2030-06-01T00:00:00.000Z');
  });

  it('imports assignments from a CSV of employee ids', async () => {
    const course = await createPublishedCourse(ctx, instructor);
    const a = await seedUser(ctx, Role.Learner, org, { employeeId: `EA-${Date.now()}` });
    const b = await seedUser(ctx, Role.Learner, org, { employeeId: `EB-${Date.now()}` });
    const [ea] = await ctx.db.query('SELECT employee_id FROM users WHERE id = $1', [a.id]);
    const [eb] = await ctx.db.query('SELECT employee_id FROM users WHERE id = $1', [b.id]);
    const res = await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/assignments/import`)
      .set(bearer(hr))
      .field('dueAt', '2030-03-31')
      .attach(
        'file',
        Buffer.from(`employee_id,due_at\n${ea.employee_id},\n${eb.employee_id},2030-04-30\n`),
        {
          filename: 'assign.csv',
          contentType: 'text/csv',
        },
      )
      .expect(200);
    expect(res.body).toMatchObject({ created: 2 });
    const dues = await ctx.db.query(
      `SELECT user_id, due_at FROM enrollments WHERE course_id = $1 ORDER BY due_at`,
      [course.courseId],
    );
    expect(dues.map((d: { due_at: Date }) => new Date(d.due_at).toISOString())).toEqual([
      '2030-03-31T16:59:59.000Z',
      '2030-04-30T16:59:59.000Z',
    ]);
    const bad = await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/assignments/import`)
      .set(bearer(hr))
      .attach('file', Buffer.from('employee_id\nNOPE-1\n'), {
        filename: 'a.csv',
        contentType: 'text/csv',
      })
      .expect(422);
    expect(bad.body.details.errors[0]).toMatchObject({ line: 2, code: 'UNKNOWN_EMPLOYEE' });
  });

  it('scopes HR to their organization and learners to their own enrollments (404)', async () => {
    const course = await createPublishedCourse(ctx, instructor);
    const otherOrg = await seedOrganization(ctx);
    const outsider = await seedUser(ctx, Role.Learner, otherOrg);
    const res = await assign(course.courseId, [outsider.id]).expect(404);
    expect(res.body.error).toBe('NOT_FOUND');
    const count = await ctx.db.query('SELECT 1 FROM enrollments WHERE user_id = $1', [outsider.id]);
    expect(count).toHaveLength(0);

    const otherHr = await seedUser(ctx, Role.Hr, otherOrg);
    const own = await seedUser(ctx, Role.Learner, org);
    const { body } = await assign(course.courseId, [own.id]).expect(200);
    const id = body.items[0].enrollmentId;
    await ctx.http().get(`/api/v1/enrollments/${id}`).set(bearer(otherHr)).expect(404);
    await ctx.http().get(`/api/v1/enrollments/${id}`).set(bearer(outsider)).expect(404);
    await ctx.http().get(`/api/v1/enrollments/${id}`).set(bearer(hr)).expect(200);
    await start(outsider, id, course.lessonIds[0]).expect(404);
    await heartbeat(outsider, id, course.lessonIds[0]).expect(404);
    await ctx
      .http()
      .get(`/api/v1/reports/organization?organizationId=${org}`)
      .set(bearer(otherHr))
      .expect(404);
  });

  it('reports and exports the organization as streamed CSV and XLSX', async () => {
    const exportOrg = await seedOrganization(ctx, `EXP${Date.now() % 100000}`);
    const exportHr = await seedUser(ctx, Role.Hr, exportOrg);
    const course = await createPublishedCourse(ctx, instructor, { jpHours: 16 });
    const names = ['Budi "Santoso"', '=Siti, Rahayu', 'Ñoño Wijaya'];
    const learners: SeededUser[] = [];
    for (const [i, name] of names.entries()) {
      learners.push(await seedUser(ctx, Role.Learner, exportOrg, { name, employeeId: `X-${i}` }));
    }
    const assignRes = await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/assignments`)
      .set(bearer(exportHr))
      .send({ userIds: learners.map((l) => l.id), dueAt: '2020-01-01T00:00:00Z' })
      .expect(200);
    const done = assignRes.body.items.find(
      (i: { userId: string }) => i.userId === learners[0].id,
    ).enrollmentId;
    await start(learners[0], done, course.lessonIds[0]).expect(200);
    await complete(learners[0], done, course.lessonIds[0]).expect(200);

    const page = await ctx
      .http()
      .get('/api/v1/reports/organization?limit=2')
      .set(bearer(exportHr))
      .expect(200);
    expect(page.body.items).toHaveLength(2);
    const rest = await ctx
      .http()
      .get(`/api/v1/reports/organization?limit=2&cursor=${page.body.nextCursor}`)
      .set(bearer(exportHr))
      .expect(200);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    const all = [...page.body.items, ...rest.body.items];
    // Listed by name, across pages, as the database's collation orders names.
    const byName: { name: string }[] = await ctx.db.query(
      'SELECT name FROM users WHERE id = ANY($1) ORDER BY name, id',
      [learners.map((l) => l.id)],
    );
    expect(all.map((r: { name: string }) => r.name)).toEqual(byName.map((u) => u.name));
    expect(all.filter((r: { status: string }) => r.status === 'overdue')).toHaveLength(2);
    expect(all.find((r: { userId: string }) => r.userId === learners[0].id)).toMatchObject({
      status: 'completed',
      percent: 100,
      jpDone: 16,
      overdue: false,
    });

    const csv = await ctx
      .http()
      .get('/api/v1/reports/organization/export?format=csv')
      .set(bearer(exportHr))
      .buffer(true)
      .parse((res, cb) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () => cb(null, data));
      })
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="laporan-pelatihan-EXP\d+-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''laporan-pelatihan-EXP\d+-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'employee_id,name,course_code,course_title,status,percent,jp_done,jp_hours,due_at,overdue,completed_at',
    );
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.startsWith('X-0,"Budi ""Santoso""",'))).toBe(true);
    expect(lines.some((l) => l.startsWith(`X-1,"'=Siti, Rahayu",`))).toBe(true);
    expect(lines.find((l) => l.startsWith('X-0'))).toContain(',completed,100,16,16,');
    expect(lines.find((l) => l.startsWith('X-2'))).toContain('Ñoño Wijaya');
    expect(lines.find((l) => l.startsWith('X-2'))).toContain(
      ',overdue,0,0,16,2020-01-01T00:00:00.000Z,yes,',
    );

    const xlsx = await ctx
      .http()
      .get(`/api/v1/reports/organization/export?format=xlsx&organizationId=${exportOrg}`)
      .set(bearer(await seedUser(ctx, Role.Admin)))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toContain('.xlsx"; filename*=UTF-8');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).getCell(2).value).toBe('name');
    const names2 = [2, 3, 4].map((r) => sheet.getRow(r).getCell(2).value);
    expect(names2.sort()).toEqual([...names].sort());

    const missing = await ctx
      .http()
      .get('/api/v1/reports/organization/export?format=csv')
      .set(bearer(await seedUser(ctx, Role.Admin)))
      .expect(422);
    expect(missing.body.error).toBe('ORGANIZATION_REQUIRED');
  });
});
