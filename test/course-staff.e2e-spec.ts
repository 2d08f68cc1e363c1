import { INestApplicationContext } from '@nestjs/common';
import { Role } from '../src/common/auth/roles';
import { waitForStatus } from './support/certificate-fixtures';
import { createQuizCourse, enrolledLearner, ESSAY } from './support/quiz-fixtures';
import { checkCourseStaffMatrix, StaffRouteCase } from './support/role-matrix';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

/** A published quiz course of `owner` with a draft, attempts, a graded one and a certificate. */
interface StaffedCourse {
  courseId: string;
  quizId: string;
  questionId: string;
  spareQuestionId: string;
  draftModuleId: string;
  draftQuizLessonId: string;
  spareModuleId: string;
  spareLessonId: string;
  enrollmentId: string;
  openAttemptId: string;
  questionVersionId: string;
  certificateId: string;
}

describe('course staff: instructors act on their own courses only', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let admin: SeededUser;
  let ownerA: SeededUser;
  let instructorB: SeededUser;
  let hr: SeededUser;
  let learner: SeededUser;

  const http = () => ctx.http();

  async function attempt(user: SeededUser, quizId: string) {
    const started = await http()
      .post(`/api/v1/quizzes/${quizId}/attempts`)
      .set(bearer(user))
      .expect(200);
    const versionId = started.body.questions[0].id as string;
    await http()
      .put(`/api/v1/attempts/${started.body.id}/answers/${versionId}`)
      .set(bearer(user))
      .send({ text: 'Eliminasi, substitusi, rekayasa, administrasi, APD' })
      .expect(200);
    await http().post(`/api/v1/attempts/${started.body.id}/submit`).set(bearer(user)).expect(200);
    return { attemptId: started.body.id as string, versionId };
  }

  async function staffedCourse(owner: SeededUser): Promise<StaffedCourse> {
    const course = await createQuizCourse(ctx, owner, [ESSAY]);
    const first = await enrolledLearner(ctx, course.courseId);
    const second = await enrolledLearner(ctx, course.courseId);
    const open = await attempt(first, course.quizId);
    const passing = await attempt(second, course.quizId);
    await http()
      .post(`/api/v1/attempts/${passing.attemptId}/grades`)
      .set(bearer(owner))
      .send({ grades: [{ questionId: passing.versionId, mark: 2 }] })
      .expect(200);
    const [cert] = await ctx.db.query('SELECT id FROM certificates WHERE enrollment_id = $1', [
      second.enrollmentId,
    ]);
    await waitForStatus(ctx, cert.id, 'issued');
    const draft = await http()
      .post(`/api/v1/courses/${course.courseId}/versions`)
      .set(bearer(owner))
      .expect(201);
    const draftModule = draft.body.draft.modules[0];
    const spareModule = await http()
      .post(`/api/v1/courses/${course.courseId}/modules`)
      .set(bearer(owner))
      .send({ titleId: 'Cadangan', titleEn: 'Spare' })
      .expect(201);
    const spareLesson = await http()
      .post(`/api/v1/courses/${course.courseId}/modules/${draftModule.id}/lessons`)
      .set(bearer(owner))
      .send({ type: 'text', titleId: 'Cadangan', titleEn: 'Spare', minSeconds: 0 })
      .expect(201);
    const spareQuestion = await http()
      .post(`/api/v1/courses/${course.courseId}/question-bank/questions`)
      .set(bearer(owner))
      .send(ESSAY)
      .expect(201);
    return {
      courseId: course.courseId,
      quizId: course.quizId,
      questionId: course.questionIds[0],
      spareQuestionId: spareQuestion.body.id,
      draftModuleId: draftModule.id,
      draftQuizLessonId: draftModule.lessons[0].id,
      spareModuleId: spareModule.body.id,
      spareLessonId: spareLesson.body.id,
      enrollmentId: first.enrollmentId,
      openAttemptId: open.attemptId,
      questionVersionId: open.versionId,
      certificateId: cert.id,
    };
  }

  /** Every instructor route that acts on one course, its content, quizzes, learners, certificates. */
  function courseRoutes(f: StaffedCourse): StaffRouteCase[] {
    const c = `/api/v1/courses/${f.courseId}`;
    return [
      { method: 'patch', path: c, body: { titleEn: 'Renamed by staff' } },
      { method: 'get', path: `${c}/versions` },
      { method: 'get', path: `${c}/staff` },
      { method: 'post', path: `${c}/modules`, body: { titleId: 'Baru', titleEn: 'New' } },
      { method: 'post', path: `${c}/modules/reorder`, body: { ids: [] } },
      { method: 'patch', path: `${c}/modules/${f.draftModuleId}`, body: { titleEn: 'M' } },
      {
        method: 'post',
        path: `${c}/modules/${f.draftModuleId}/lessons`,
        body: { type: 'text', titleId: 'T', titleEn: 'T', minSeconds: 0 },
      },
      {
        method: 'post',
        path: `${c}/modules/${f.draftModuleId}/lessons/reorder`,
        body: { ids: [] },
      },
      { method: 'patch', path: `${c}/lessons/${f.draftQuizLessonId}`, body: { titleEn: 'Q' } },
      { method: 'post', path: `${c}/lessons/${f.draftQuizLessonId}/file` },
      { method: 'delete', path: `${c}/lessons/${f.spareLessonId}` },
      { method: 'delete', path: `${c}/modules/${f.spareModuleId}` },
      { method: 'get', path: `/api/v1/attempts/${f.openAttemptId}` },
      {
        method: 'post',
        path: `/api/v1/attempts/${f.openAttemptId}/grades`,
        body: { grades: [{ questionId: f.questionVersionId, mark: 1, comment: 'Cukup' }] },
      },
      { method: 'get', path: `${c}/roster` },
      { method: 'get', path: `/api/v1/reports/courses/${f.courseId}` },
      { method: 'get', path: `${c}/notification-settings` },
      { method: 'put', path: `${c}/notification-settings`, body: { inactivityDays: 5 } },
      { method: 'get', path: `${c}/question-bank/categories` },
      { method: 'post', path: `${c}/question-bank/categories`, body: { name: 'Staf' } },
      { method: 'get', path: `${c}/question-bank/questions` },
      { method: 'post', path: `${c}/question-bank/questions`, body: ESSAY },
      { method: 'post', path: `${c}/question-bank/import?format=gift&dryRun=true` },
      { method: 'get', path: `${c}/question-bank/export?format=gift` },
      { method: 'get', path: `/api/v1/questions/${f.questionId}` },
      { method: 'put', path: `/api/v1/questions/${f.questionId}`, body: ESSAY },
      { method: 'delete', path: `/api/v1/questions/${f.spareQuestionId}` },
      {
        method: 'post',
        path: '/api/v1/quizzes',
        body: {
          lessonId: f.draftQuizLessonId,
          title: 'Kuis lain',
          selection: { mode: 'fixed', questionIds: [f.questionId] },
          passingPercent: 70,
        },
      },
      { method: 'get', path: `/api/v1/quizzes/${f.quizId}` },
      { method: 'patch', path: `/api/v1/quizzes/${f.quizId}`, body: { title: 'Kuis baru' } },
      {
        method: 'post',
        path: `/api/v1/quizzes/${f.quizId}/regrade`,
        body: { questionId: f.questionId },
      },
      { method: 'get', path: `/api/v1/quizzes/${f.quizId}/item-analysis` },
      { method: 'get', path: `/api/v1/enrollments/${f.enrollmentId}` },
      {
        method: 'post',
        path: `/api/v1/certificates/${f.certificateId}/revoke`,
        body: { reason: 'Data peserta salah' },
      },
      {
        method: 'post',
        path: `/api/v1/certificates/${f.certificateId}/reissue`,
        body: { reason: 'Nama diperbaiki' },
      },
      { method: 'post', path: `${c}/publish` },
      { method: 'post', path: `${c}/versions` },
      { method: 'post', path: `${c}/archive` },
    ];
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    worker = await ctx.startWorker();
    const org = await seedOrganization(ctx);
    admin = await seedUser(ctx, Role.Admin);
    ownerA = await seedUser(ctx, Role.Instructor);
    instructorB = await seedUser(ctx, Role.Instructor);
    hr = await seedUser(ctx, Role.Hr, org);
    learner = await seedUser(ctx, Role.Learner, org);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  it('an instructor outside the staff is refused (404) on every course route, and changes nothing; once a co-instructor, allowed', async () => {
    const x = await staffedCourse(ownerA);
    const routes = courseRoutes(x);
    expect(await checkCourseStaffMatrix(ctx, routes, instructorB.token, 'refused')).toEqual([]);

    const [version] = await ctx.db.query(
      `SELECT title_en FROM course_versions WHERE course_id = $1 AND status = 'draft'`,
      [x.courseId],
    );
    expect(version.title_en).not.toBe('Renamed by staff');
    const [attemptRow] = await ctx.db.query('SELECT status FROM quiz_attempts WHERE id = $1', [
      x.openAttemptId,
    ]);
    expect(attemptRow.status).toBe('needs_grading');
    const [cert] = await ctx.db.query('SELECT status FROM certificates WHERE id = $1', [
      x.certificateId,
    ]);
    expect(cert.status).toBe('issued');
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM course_modules m JOIN course_versions v
          ON v.id = m.course_version_id WHERE v.course_id = $1 AND m.id = $2`,
      [x.courseId, x.spareModuleId],
    );
    expect(n).toBe(1);

    await http()
      .post(`/api/v1/courses/${x.courseId}/staff`)
      .set(bearer(ownerA))
      .send({ userId: instructorB.id })
      .expect(201);
    expect(await checkCourseStaffMatrix(ctx, routes, instructorB.token, 'allowed')).toEqual([]);
    const [after] = await ctx.db.query(
      'SELECT status, revoked_by_id FROM certificates WHERE id = $1',
      [x.certificateId],
    );
    expect(after.revoked_by_id).toBe(instructorB.id);
  });

  it('admin keeps every course route without being on the staff', async () => {
    const y = await staffedCourse(ownerA);
    expect(await checkCourseStaffMatrix(ctx, courseRoutes(y), admin.token, 'allowed')).toEqual([]);
  });

  it('the owner or an admin manages co-instructors; only instructors join; the owner stays', async () => {
    const course = await createQuizCourse(ctx, ownerA, [ESSAY]);
    const staffPath = `/api/v1/courses/${course.courseId}/staff`;
    const listed = await http().get(staffPath).set(bearer(ownerA)).expect(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ userId: ownerA.id, role: 'owner', addedById: ownerA.id }),
    ]);

    // Outside the staff the course's staff list is out of scope; one cannot add oneself.
    await http().get(staffPath).set(bearer(instructorB)).expect(404);
    await http()
      .post(staffPath)
      .set(bearer(instructorB))
      .send({ userId: instructorB.id })
      .expect(404);

    for (const user of [learner, hr, admin]) {
      const res = await http().post(staffPath).set(bearer(ownerA)).send({ userId: user.id });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('STAFF_MUST_BE_INSTRUCTOR');
    }
    await http()
      .post(staffPath)
      .set(bearer(ownerA))
      .send({ userId: '00000000-0000-4000-8000-000000000001' })
      .expect(404);

    const added = await http()
      .post(staffPath)
      .set(bearer(ownerA))
      .send({ userId: instructorB.id })
      .expect(201);
    expect(added.body.map((s: { role: string }) => s.role)).toEqual(['owner', 'co_instructor']);
    expect(added.body[1]).toEqual(
      expect.objectContaining({ userId: instructorB.id, addedById: ownerA.id }),
    );
    await http().post(staffPath).set(bearer(ownerA)).send({ userId: instructorB.id }).expect(200);

    // A co-instructor works on the course but does not change its staff.
    const third = await seedUser(ctx, Role.Instructor);
    const refused = await http()
      .post(staffPath)
      .set(bearer(instructorB))
      .send({ userId: third.id });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe('NOT_COURSE_OWNER');
    const notOwner = await http().delete(`${staffPath}/${ownerA.id}`).set(bearer(instructorB));
    expect(notOwner.status).toBe(403);

    for (const actor of [ownerA, admin]) {
      const res = await http().delete(`${staffPath}/${ownerA.id}`).set(bearer(actor));
      expect(res.status).toBe(409);
      expect(res.body.error).toBe('COURSE_OWNER_NOT_REMOVABLE');
    }

    // By e-mail: only instructors are found; other accounts look absent.
    await http().post(staffPath).set(bearer(admin)).send({ email: learner.email }).expect(404);
    await http().post(staffPath).set(bearer(admin)).send({}).expect(400);
    await http()
      .post(staffPath)
      .set(bearer(admin))
      .send({ email: third.email.toUpperCase() })
      .expect(201);
    await http().delete(`${staffPath}/${third.id}`).set(bearer(admin)).expect(204);
    await http().delete(`${staffPath}/${instructorB.id}`).set(bearer(ownerA)).expect(204);
    await http().delete(`${staffPath}/${instructorB.id}`).set(bearer(ownerA)).expect(404);
    const audit = await ctx.db.query(
      `SELECT action, actor_id, data->>'userId' AS user_id FROM audit_log
        WHERE entity_id = $1 AND action LIKE 'course.staff_%' ORDER BY created_at, action`,
      [course.courseId],
    );
    expect(audit).toEqual([
      { action: 'course.staff_added', actor_id: ownerA.id, user_id: instructorB.id },
      { action: 'course.staff_added', actor_id: admin.id, user_id: third.id },
      { action: 'course.staff_removed', actor_id: admin.id, user_id: third.id },
      { action: 'course.staff_removed', actor_id: ownerA.id, user_id: instructorB.id },
    ]);
    await http()
      .get(`/api/v1/courses/${course.courseId}/roster`)
      .set(bearer(instructorB))
      .expect(404);
  });

  it('authoring lists show an instructor the courses they staff; the published catalogue stays visible', async () => {
    const published = await createQuizCourse(ctx, ownerA, [ESSAY]);
    const draft = await http()
      .post('/api/v1/courses')
      .set(bearer(ownerA))
      .send({
        code: `DRAFT-${Date.now()}`,
        titleId: 'Draf',
        titleEn: 'Draft',
        competencyCode: 'AK3U',
        jpHours: 1,
      })
      .expect(201);
    const ids = async (user: SeededUser) => {
      const res = await http().get('/api/v1/courses?limit=100').set(bearer(user)).expect(200);
      return res.body.items.map((i: { id: string }) => i.id) as string[];
    };
    expect(await ids(ownerA)).toEqual(expect.arrayContaining([published.courseId, draft.body.id]));
    expect(await ids(admin)).toEqual(expect.arrayContaining([published.courseId, draft.body.id]));
    const seenByB = await ids(instructorB);
    expect(seenByB).toContain(published.courseId);
    expect(seenByB).not.toContain(draft.body.id);

    await http().get(`/api/v1/courses/${draft.body.id}`).set(bearer(instructorB)).expect(404);
    const catalogue = await http()
      .get(`/api/v1/courses/${published.courseId}`)
      .set(bearer(instructorB))
      .expect(200);
    expect(catalogue.body.draft).toBeUndefined();
    expect(catalogue.body.published.status).toBe('published');
    const own = await http()
      .get(`/api/v1/courses/${published.courseId}`)
      .set(bearer(ownerA))
      .expect(200);
    expect(own.body).toHaveProperty('draft');
  });

  it('certificates of a course are revoked or re-issued only by its staff or an admin', async () => {
    const z = await staffedCourse(ownerA);
    for (const action of ['revoke', 'reissue']) {
      const res = await http()
        .post(`/api/v1/certificates/${z.certificateId}/${action}`)
        .set(bearer(instructorB))
        .send({ reason: 'Bukan kursus saya' });
      expect(res.status).toBe(404);
    }
    const [untouched] = await ctx.db.query(
      'SELECT status, revoked_at FROM certificates WHERE id = $1',
      [z.certificateId],
    );
    expect(untouched).toEqual({ status: 'issued', revoked_at: null });
    const [{ audits }] = await ctx.db.query(
      `SELECT count(*)::int AS audits FROM audit_log WHERE entity_id = $1
          AND action IN ('certificate.revoked', 'certificate.reissued')`,
      [z.certificateId],
    );
    expect(audits).toBe(0);

    const reissued = await http()
      .post(`/api/v1/certificates/${z.certificateId}/reissue`)
      .set(bearer(ownerA))
      .send({ reason: 'Nama diperbaiki' })
      .expect(201);
    expect(reissued.body.version).toBe(2);
    await waitForStatus(ctx, reissued.body.id, 'issued');
    const revoked = await http()
      .post(`/api/v1/certificates/${reissued.body.id}/revoke`)
      .set(bearer(admin))
      .send({ reason: 'Kecurangan' })
      .expect(200);
    expect(revoked.body.status).toBe('revoked');
  });
});
