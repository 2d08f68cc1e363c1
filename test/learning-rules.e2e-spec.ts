import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Role } from '../src/common/auth/roles';
import { GradingService } from '../src/modules/quizzes/grading.service';
import {
  certificatesOf,
  completeViaApi,
  seedCourse,
  seedEnrollment,
  waitForStatus,
} from './support/certificate-fixtures';
import { SINGLE } from './support/quiz-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

interface LearningCourse {
  courseId: string;
  textLessonId: string;
  quizLessonId: string;
  fileLessonId: string;
  quizId: string;
  questionId: string;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

describe('learning rules hold on every route', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let instructor: SeededUser;
  let admin: SeededUser;
  let hr: SeededUser;
  let otherHr: SeededUser;
  let org: string;

  const http = () => ctx.http();

  /** Text, then quiz, then file lesson, all required; published through the API. */
  async function buildCourse(options: { sequential: boolean }): Promise<LearningCourse> {
    const code = `LR-${randomBytes(4).toString('hex')}`;
    const course = await http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({
        code,
        titleId: `Kursus ${code}`,
        titleEn: `Course ${code}`,
        competencyCode: 'AK3U',
        jpHours: 1,
        certificateValidityMonths: 12,
        enrollmentMode: 'open',
        sequential: options.sequential,
      })
      .expect(201);
    const courseId = course.body.id as string;
    const base = `/api/v1/courses/${courseId}`;
    const module = await http()
      .post(`${base}/modules`)
      .set(bearer(instructor))
      .send({ titleId: 'Modul', titleEn: 'Module' })
      .expect(201);
    const lesson = async (type: string) =>
      (
        await http()
          .post(`${base}/modules/${module.body.id}/lessons`)
          .set(bearer(instructor))
          .send({ type, titleId: type, titleEn: type, required: true, minSeconds: 0 })
          .expect(201)
      ).body.id as string;
    const textLessonId = await lesson('text');
    const quizLessonId = await lesson('quiz');
    const fileLessonId = await lesson('file');
    await http()
      .post(`${base}/lessons/${fileLessonId}/file`)
      .set(bearer(instructor))
      .attach('file', PDF, 'materi.pdf')
      .expect(201);
    const question = await http()
      .post(`${base}/question-bank/questions`)
      .set(bearer(instructor))
      .send(SINGLE)
      .expect(201);
    const quiz = await http()
      .post('/api/v1/quizzes')
      .set(bearer(instructor))
      .send({
        lessonId: quizLessonId,
        title: 'Kuis',
        selection: { mode: 'fixed', questionIds: [question.body.id] },
        passingPercent: 70,
      })
      .expect(201);
    await http().post(`${base}/publish`).set(bearer(instructor)).expect(200);
    return {
      courseId,
      textLessonId,
      quizLessonId,
      fileLessonId,
      quizId: quiz.body.id,
      questionId: question.body.id,
    };
  }

  async function enroll(course: LearningCourse) {
    const learner = await seedUser(ctx, Role.Learner, org);
    const res = await http()
      .post(`/api/v1/courses/${course.courseId}/enroll`)
      .set(bearer(learner))
      .expect(201);
    return { learner, enrollmentId: res.body.id as string };
  }

  async function enrollmentRow(id: string) {
    const [row] = await ctx.db.query(
      'SELECT status, started_at, completed_at, percent FROM enrollments WHERE id = $1',
      [id],
    );
    return row;
  }

  async function progressRows(enrollmentId: string) {
    return ctx.db.query(
      'SELECT lesson_id, status FROM lesson_progress WHERE enrollment_id = $1 ORDER BY lesson_id',
      [enrollmentId],
    );
  }

  /** The option of SINGLE that scores full marks, from the stored question version. */
  async function correctAnswer(questionId: string) {
    const [row] = await ctx.db.query(
      `SELECT v.id AS version_id, v.spec FROM questions q
         JOIN question_versions v ON v.id = q.current_version_id WHERE q.id = $1`,
      [questionId],
    );
    const options = row.spec.options as { id: string; fraction: number }[];
    return {
      versionId: row.version_id as string,
      optionIds: options.map((o) => o.id),
      correctId: options.find((o) => o.fraction === 1)!.id,
    };
  }

  async function passQuiz(learner: SeededUser, course: LearningCourse) {
    const started = await http()
      .post(`/api/v1/quizzes/${course.quizId}/attempts`)
      .set(bearer(learner))
      .expect(200);
    const { versionId, correctId } = await correctAnswer(course.questionId);
    await http()
      .put(`/api/v1/attempts/${started.body.id}/answers/${versionId}`)
      .set(bearer(learner))
      .send({ optionId: correctId })
      .expect(200);
    const submitted = await http()
      .post(`/api/v1/attempts/${started.body.id}/submit`)
      .set(bearer(learner))
      .expect(200);
    return submitted.body;
  }

  /** An enrollment that has any lesson progress is never `not_started`, and so on. */
  async function contradictions(): Promise<unknown[]> {
    return ctx.db.query(
      `SELECT e.id, e.status FROM enrollments e
        WHERE (e.status = 'not_started' AND EXISTS (
                 SELECT 1 FROM lesson_progress p WHERE p.enrollment_id = e.id))
           OR (e.status IN ('in_progress', 'completed') AND e.started_at IS NULL)
           OR (e.status = 'completed' AND e.completed_at IS NULL)`,
    );
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    worker = await ctx.startWorker();
    org = await seedOrganization(ctx);
    instructor = await seedUser(ctx, Role.Instructor);
    admin = await seedUser(ctx, Role.Admin);
    hr = await seedUser(ctx, Role.Hr, org);
    otherHr = await seedUser(ctx, Role.Hr, await seedOrganization(ctx));
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  describe('a sequentially locked quiz', () => {
    let course: LearningCourse;
    beforeAll(async () => {
      course = await buildCourse({ sequential: true });
    });

    it('cannot be started through POST /quizzes/:id/attempts: 409, no attempt, lesson not completed', async () => {
      const { learner, enrollmentId } = await enroll(course);
      const res = await http()
        .post(`/api/v1/quizzes/${course.quizId}/attempts`)
        .set(bearer(learner));
      expect(res.status).toBe(409);
      expect(res.body.error).toBe('LESSON_LOCKED');
      const [{ n }] = await ctx.db.query(
        'SELECT count(*)::int AS n FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2',
        [course.quizId, learner.id],
      );
      expect(n).toBe(0);
      expect(await progressRows(enrollmentId)).toEqual([]);
      expect((await enrollmentRow(enrollmentId)).status).toBe('not_started');
      const detail = await http()
        .get(`/api/v1/enrollments/${enrollmentId}`)
        .set(bearer(learner))
        .expect(200);
      const quizLesson = detail.body.lessons.find(
        (l: { id: string }) => l.id === course.quizLessonId,
      );
      expect(quizLesson).toEqual(expect.objectContaining({ locked: true, status: 'not_started' }));
    });

    it('every lesson route refuses a locked lesson and records nothing', async () => {
      const { learner, enrollmentId } = await enroll(course);
      const base = `/api/v1/enrollments/${enrollmentId}/lessons`;
      const calls = [
        ...[course.quizLessonId, course.fileLessonId].flatMap((lessonId) => [
          http().post(`${base}/${lessonId}/start`),
          http().post(`${base}/${lessonId}/heartbeat`),
          http().post(`${base}/${lessonId}/complete`),
          http().get(`${base}/${lessonId}`),
        ]),
        http().get(`${base}/${course.fileLessonId}/file`),
      ];
      for (const call of calls) {
        const res = await call.set(bearer(learner));
        expect({ status: res.status, error: res.body.error }).toEqual({
          status: 409,
          error: 'LESSON_LOCKED',
        });
      }
      expect(await progressRows(enrollmentId)).toEqual([]);
      expect(await enrollmentRow(enrollmentId)).toEqual(
        expect.objectContaining({ status: 'not_started', started_at: null, percent: 0 }),
      );
    });

    it('an attempt that exists on a locked lesson takes no answer, no submit, and completes nothing', async () => {
      const { learner, enrollmentId } = await enroll(course);
      const { versionId, optionIds, correctId } = await correctAnswer(course.questionId);
      // As left by the attempt route before the rule held there.
      const [attempt] = await ctx.db.query(
        `INSERT INTO quiz_attempts (quiz_id, user_id, enrollment_id, attempt_no, status, questions,
                                    started_at)
         VALUES ($1, $2, $3, 1, 'open', $4, now()) RETURNING id`,
        [
          course.quizId,
          learner.id,
          enrollmentId,
          JSON.stringify([
            { v: versionId, q: course.questionId, t: 'single_choice', o: optionIds },
          ]),
        ],
      );
      const save = await http()
        .put(`/api/v1/attempts/${attempt.id}/answers/${versionId}`)
        .set(bearer(learner))
        .send({ optionId: correctId });
      expect({ status: save.status, error: save.body.error }).toEqual({
        status: 409,
        error: 'LESSON_LOCKED',
      });
      const submit = await http()
        .post(`/api/v1/attempts/${attempt.id}/submit`)
        .set(bearer(learner));
      expect({ status: submit.status, error: submit.body.error }).toEqual({
        status: 409,
        error: 'LESSON_LOCKED',
      });
      const [open] = await ctx.db.query('SELECT status FROM quiz_attempts WHERE id = $1', [
        attempt.id,
      ]);
      expect(open.status).toBe('open');

      // The deadline job still grades it, but a passed quiz does not complete a locked lesson.
      await ctx.db.query(
        `INSERT INTO quiz_attempt_answers (attempt_id, question_version_id, response)
         VALUES ($1, $2, $3)`,
        [attempt.id, versionId, JSON.stringify({ type: 'single_choice', optionId: correctId })],
      );
      await ctx.app.get(GradingService).submit(attempt.id, null);
      const [graded] = await ctx.db.query(
        'SELECT status, passed FROM quiz_attempts WHERE id = $1',
        [attempt.id],
      );
      expect(graded).toEqual({ status: 'graded', passed: true });
      expect(await progressRows(enrollmentId)).toEqual([]);
      expect((await enrollmentRow(enrollmentId)).status).toBe('not_started');
    });

    it('opens once the earlier lesson is done; the attempt starts the lesson and passing completes it', async () => {
      const { learner, enrollmentId } = await enroll(course);
      await completeViaApi(ctx, learner, enrollmentId, course.textLessonId);
      const attempt = await passQuiz(learner, course);
      const [row] = await ctx.db.query('SELECT passed FROM quiz_attempts WHERE id = $1', [
        attempt.id,
      ]);
      expect(row.passed).toBe(true);
      const progress = await progressRows(enrollmentId);
      expect(progress).toEqual(
        expect.arrayContaining([
          { lesson_id: course.textLessonId, status: 'completed' },
          { lesson_id: course.quizLessonId, status: 'completed' },
        ]),
      );
      expect(await enrollmentRow(enrollmentId)).toEqual(
        expect.objectContaining({ status: 'in_progress', percent: 66 }),
      );
      await http()
        .get(`/api/v1/enrollments/${enrollmentId}/lessons/${course.fileLessonId}/file`)
        .set(bearer(learner))
        .expect(200);
    });
  });

  it('the enrollment state never contradicts itself: an attempt starts the enrollment, a pass moves it on', async () => {
    const course = await buildCourse({ sequential: false });
    const { learner, enrollmentId } = await enroll(course);
    expect((await enrollmentRow(enrollmentId)).status).toBe('not_started');
    const started = await http()
      .post(`/api/v1/quizzes/${course.quizId}/attempts`)
      .set(bearer(learner))
      .expect(200);
    const afterStart = await enrollmentRow(enrollmentId);
    expect(afterStart.status).toBe('in_progress');
    expect(afterStart.started_at).not.toBeNull();
    expect(await progressRows(enrollmentId)).toEqual([
      { lesson_id: course.quizLessonId, status: 'in_progress' },
    ]);
    const { versionId, correctId } = await correctAnswer(course.questionId);
    await http()
      .put(`/api/v1/attempts/${started.body.id}/answers/${versionId}`)
      .set(bearer(learner))
      .send({ optionId: correctId })
      .expect(200);
    await http()
      .post(`/api/v1/attempts/${started.body.id}/submit`)
      .set(bearer(learner))
      .expect(200);
    expect(await enrollmentRow(enrollmentId)).toEqual(
      expect.objectContaining({ status: 'in_progress', percent: 33 }),
    );
    const view = await http()
      .get(`/api/v1/enrollments/${enrollmentId}`)
      .set(bearer(learner))
      .expect(200);
    expect(view.body.status).toBe('in_progress');

    // A second learner passes the quiz when the enrollment is still not_started in the row
    // (as the pre-fix attempt route left it): completing the lesson moves it to in_progress.
    const second = await enroll(course);
    const attempt = await http()
      .post(`/api/v1/quizzes/${course.quizId}/attempts`)
      .set(bearer(second.learner))
      .expect(200);
    await ctx.db.query(
      `UPDATE enrollments SET status = 'not_started', started_at = NULL WHERE id = $1`,
      [second.enrollmentId],
    );
    await ctx.db.query('DELETE FROM lesson_progress WHERE enrollment_id = $1', [
      second.enrollmentId,
    ]);
    await http()
      .put(`/api/v1/attempts/${attempt.body.id}/answers/${versionId}`)
      .set(bearer(second.learner))
      .send({ optionId: correctId })
      .expect(200);
    await http()
      .post(`/api/v1/attempts/${attempt.body.id}/submit`)
      .set(bearer(second.learner))
      .expect(200);
    expect(await enrollmentRow(second.enrollmentId)).toEqual(
      expect.objectContaining({ status: 'in_progress', percent: 33 }),
    );
    expect(await contradictions()).toEqual([]);
  });

  describe('withdrawal', () => {
    let course: LearningCourse;
    beforeAll(async () => {
      course = await buildCourse({ sequential: false });
    });

    async function assigned() {
      const learner = await seedUser(ctx, Role.Learner, org);
      const res = await http()
        .post(`/api/v1/courses/${course.courseId}/assignments`)
        .set(bearer(hr))
        .send({ userIds: [learner.id] })
        .expect(200);
      return { learner, enrollmentId: res.body.items[0].enrollmentId as string };
    }

    it('a learner cannot withdraw an enrollment HR assigned; HR of the organization can', async () => {
      const { learner, enrollmentId } = await assigned();
      const refused = await http()
        .post(`/api/v1/enrollments/${enrollmentId}/withdraw`)
        .set(bearer(learner));
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('WITHDRAWAL_NOT_ALLOWED');
      expect((await enrollmentRow(enrollmentId)).status).toBe('not_started');
      await http()
        .post(`/api/v1/enrollments/${enrollmentId}/withdraw`)
        .set(bearer(otherHr))
        .expect(404);
      const done = await http()
        .post(`/api/v1/enrollments/${enrollmentId}/withdraw`)
        .set(bearer(hr))
        .expect(200);
      expect(done.body.status).toBe('withdrawn');
    });

    it('an admin may withdraw an assigned enrollment; a learner their own self-enrolment', async () => {
      const { enrollmentId } = await assigned();
      await http()
        .post(`/api/v1/enrollments/${enrollmentId}/withdraw`)
        .set(bearer(admin))
        .expect(200);
      const own = await enroll(course);
      const res = await http()
        .post(`/api/v1/enrollments/${own.enrollmentId}/withdraw`)
        .set(bearer(own.learner))
        .expect(200);
      expect(res.body.status).toBe('withdrawn');
    });
  });

  describe('renewal respects the course enrollment mode', () => {
    async function issued(mode: 'open' | 'assigned') {
      const course = await seedCourse(ctx, instructor.id);
      await ctx.db.query('UPDATE course_versions SET enrollment_mode = $2 WHERE id = $1', [
        course.versionId,
        mode,
      ]);
      const learner = await seedUser(ctx, Role.Learner, org);
      const enrollmentId = await seedEnrollment(ctx, learner, course);
      await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
      const [cert] = await certificatesOf(ctx, enrollmentId);
      await waitForStatus(ctx, cert.id, 'issued');
      return { learner, certificateId: cert.id as string };
    }

    const renewals = async (certificateId: string) =>
      ctx.db.query(
        'SELECT id, assigned_by_id FROM enrollments WHERE renewal_of_certificate_id = $1',
        [certificateId],
      );

    it('an HR-assigned-only course cannot be self-renewed; HR renews it, and the learner cannot withdraw that', async () => {
      const { learner, certificateId } = await issued('assigned');
      const refused = await http()
        .post(`/api/v1/certificates/${certificateId}/renew`)
        .set(bearer(learner))
        .send({});
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('SELF_ENROLL_NOT_ALLOWED');
      expect(await renewals(certificateId)).toEqual([]);

      const renewed = await http()
        .post(`/api/v1/certificates/${certificateId}/renew`)
        .set(bearer(hr))
        .send({})
        .expect(201);
      expect(await renewals(certificateId)).toEqual([
        { id: renewed.body.enrollmentId, assigned_by_id: hr.id },
      ]);
      await http()
        .post(`/api/v1/enrollments/${renewed.body.enrollmentId}/withdraw`)
        .set(bearer(learner))
        .expect(403);
    });

    it('an open course is renewed by the learner, who may withdraw that renewal', async () => {
      const { learner, certificateId } = await issued('open');
      const renewed = await http()
        .post(`/api/v1/certificates/${certificateId}/renew`)
        .set(bearer(learner))
        .send({})
        .expect(201);
      await http()
        .post(`/api/v1/enrollments/${renewed.body.enrollmentId}/withdraw`)
        .set(bearer(learner))
        .expect(200);
    });
  });
});
