import { Role } from '../src/common/auth/roles';
import {
  allValues,
  createQuizCourse,
  enrolledLearner,
  ESSAY,
  leakedKeys,
  MATCHING,
  MULTI,
  NUMERIC,
  SHORT,
  SINGLE,
  TRUE_FALSE,
} from './support/quiz-fixtures';
import { bearer, createTestContext, seedUser, SeededUser, TestContext } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ShownQuestion {
  id: string;
  type: string;
  options?: { id: string; text: string }[];
  prompts?: { id: string; text: string }[];
  choices?: string[];
}

describe('quizzes: attempts', () => {
  let ctx: TestContext;
  let instructor: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    instructor = await seedUser(ctx, Role.Instructor);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const start = (quizId: string, user: SeededUser) =>
    ctx.http().post(`/api/v1/quizzes/${quizId}/attempts`).set(bearer(user));
  const save = (attemptId: string, questionId: string, user: SeededUser, body: object) =>
    ctx
      .http()
      .put(`/api/v1/attempts/${attemptId}/answers/${questionId}`)
      .set(bearer(user))
      .send(body);
  const submit = (attemptId: string, user: SeededUser) =>
    ctx.http().post(`/api/v1/attempts/${attemptId}/submit`).set(bearer(user));

  it('leaks no answer key to learners before review, and 404s for other learners', async () => {
    const quiz = await createQuizCourse(
      ctx,
      instructor,
      [SINGLE, MULTI, TRUE_FALSE, SHORT, NUMERIC, MATCHING],
      { shuffleAnswers: true },
    );
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const other = await enrolledLearner(ctx, quiz.courseId);

    const started = await start(quiz.quizId, learner).expect(200);
    const bodies: [string, unknown][] = [['start', started.body]];
    const questions = started.body.questions as ShownQuestion[];
    expect(questions).toHaveLength(6);

    const single = questions.find((q) => q.type === 'single_choice')!;
    const matching = questions.find((q) => q.type === 'matching')!;
    expect(matching.choices).toHaveLength(4);
    expect(matching.choices).not.toEqual(['Helm', 'Sarung', 'Sepatu', 'Kacamata']);
    for (const q of questions) {
      for (const o of q.options ?? []) expect(o.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const saved = await save(started.body.id, single.id, learner, {
      optionId: single.options![0].id,
    }).expect(200);
    bodies.push(['save', saved.body]);
    bodies.push([
      'get',
      (await ctx.http().get(`/api/v1/attempts/${started.body.id}`).set(bearer(learner)).expect(200))
        .body,
    ]);
    bodies.push([
      'quiz',
      (await ctx.http().get(`/api/v1/quizzes/${quiz.quizId}`).set(bearer(learner)).expect(200))
        .body,
    ]);
    const submitted = await submit(started.body.id, learner).expect(200);
    bodies.push(['submit', submitted.body]);
    bodies.push([
      'get after submit',
      (await ctx.http().get(`/api/v1/attempts/${started.body.id}`).set(bearer(learner)).expect(200))
        .body,
    ]);
    bodies.push([
      'quiz after submit',
      (await ctx.http().get(`/api/v1/quizzes/${quiz.quizId}`).set(bearer(learner)).expect(200))
        .body,
    ]);

    for (const [name, body] of bodies) {
      expect({ name, leaks: leakedKeys(body) }).toEqual({ name, leaks: [] });
      const values = allValues(body);
      expect(values).not.toContain('helmzz*');
      expect(values).not.toContain(227);
      expect(values).not.toContain(0.7);
      expect(values).not.toContain(0.5);
    }
    expect(submitted.body.result).toBeUndefined();
    expect(submitted.body.status).toBe('graded');

    await ctx.http().get(`/api/v1/attempts/${started.body.id}`).set(bearer(other)).expect(404);
    await save(started.body.id, single.id, other, { optionId: single.options![0].id }).expect(404);
    await submit(started.body.id, other).expect(404);

    // The instructor sees the key; the positive control for the leak walker.
    const asAuthor = await ctx
      .http()
      .get(`/api/v1/attempts/${started.body.id}`)
      .set(bearer(instructor))
      .expect(200);
    expect(leakedKeys(asAuthor.body).length).toBeGreaterThan(0);
  });

  it('shows score, answers and the key once review allows it', async () => {
    const flags = { score: true, responses: true, correctAnswers: true, feedback: true };
    const none = { score: false, responses: false, correctAnswers: false, feedback: false };
    const quiz = await createQuizCourse(ctx, instructor, [SINGLE, TRUE_FALSE], {
      review: { afterSubmit: flags, afterClose: none },
    });
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const attempt = (await start(quiz.quizId, learner).expect(200)).body;
    expect(leakedKeys(attempt)).toEqual([]);
    const single = attempt.questions.find((q: ShownQuestion) => q.type === 'single_choice');
    const wrong = single.options.find((o: { text: string }) => /Pemadam/.test(o.text));
    await save(attempt.id, single.id, learner, { optionId: wrong.id }).expect(200);
    const done = (await submit(attempt.id, learner).expect(200)).body;
    expect(done.result).toEqual({ score: 0, maxScore: 2, percent: 0, passed: false });
    const review = done.questions.find((q: ShownQuestion) => q.type === 'single_choice').review;
    expect(review.correctOptionIds).toHaveLength(1);
    expect(review.answerFeedback).toEqual(['Salah']);
    expect(review.generalFeedback).toBe('APD melindungi pekerja.');
  });

  it('double start returns one attempt; double submit and concurrent saves are idempotent', async () => {
    const quiz = await createQuizCourse(ctx, instructor, [SINGLE, MULTI]);
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const starts = await Promise.all(Array.from({ length: 5 }, () => start(quiz.quizId, learner)));
    expect(starts.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    const ids = new Set(starts.map((s) => s.body.id));
    expect(ids.size).toBe(1);
    const [attemptId] = [...ids];
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2`,
      [quiz.quizId, learner.id],
    );
    expect(n).toBe(1);

    const multi = starts[0].body.questions.find((q: ShownQuestion) => q.type === 'multiple_choice');
    const saves = await Promise.all(
      multi.options.map((o: { id: string }) =>
        save(attemptId, multi.id, learner, { optionIds: [o.id] }),
      ),
    );
    expect(saves.map((s) => s.status)).toEqual([200, 200, 200]);
    const rows = await ctx.db.query(
      'SELECT response FROM quiz_attempt_answers WHERE attempt_id = $1',
      [attemptId],
    );
    expect(rows).toHaveLength(1);

    const correct = multi.options
      .filter((o: { text: string }) => /Helm|Sarung/.test(o.text))
      .map((o: { id: string }) => o.id);
    await save(attemptId, multi.id, learner, { optionIds: correct }).expect(200);
    const [a, b] = await Promise.all([submit(attemptId, learner), submit(attemptId, learner)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.status).toBe('graded');
    expect(b.body.status).toBe('graded');
    const [attempt] = await ctx.db.query(
      'SELECT score_hundredths, max_score_hundredths, status FROM quiz_attempts WHERE id = $1',
      [attemptId],
    );
    expect(attempt).toEqual({ score_hundredths: 200, max_score_hundredths: 300, status: 'graded' });
    const again = await submit(attemptId, learner).expect(200);
    expect(again.body.submittedAt).toBe(a.body.submittedAt);
    await save(attemptId, multi.id, learner, { optionIds: [] })
      .expect(409)
      .expect((res) => expect(res.body.error).toBe('ATTEMPT_NOT_OPEN'));
  });

  it('refuses saves after the deadline, grades a late submit with earlier answers, and the worker auto-submits', async () => {
    const quiz = await createQuizCourse(ctx, instructor, [SINGLE, TRUE_FALSE], {
      timeLimitSeconds: 2,
    });
    const late = await enrolledLearner(ctx, quiz.courseId);
    const attempt = (await start(quiz.quizId, late).expect(200)).body;
    const deadline = new Date(attempt.deadline).getTime();
    expect(deadline - new Date(attempt.startedAt).getTime()).toBe(2000);
    const tf = attempt.questions.find((q: ShownQuestion) => q.type === 'true_false');
    const single = attempt.questions.find((q: ShownQuestion) => q.type === 'single_choice');
    await save(attempt.id, tf.id, late, { answer: true }).expect(200);
    await sleep(Math.max(0, deadline - Date.now()) + 300);
    await save(attempt.id, single.id, late, { optionId: single.options[0].id })
      .expect(409)
      .expect((res) => expect(res.body.error).toBe('ATTEMPT_DEADLINE_PASSED'));
    // An answer row written after the deadline (a race the guard normally prevents) is ignored.
    const optionId = single.options.find((o: { text: string }) => /Diri/.test(o.text)).id;
    await ctx.db.query(
      `INSERT INTO quiz_attempt_answers (attempt_id, question_version_id, response, updated_at)
       VALUES ($1, $2, $3, now())`,
      [attempt.id, single.id, JSON.stringify({ type: 'single_choice', optionId })],
    );
    await submit(attempt.id, late).expect(200);
    const [graded] = await ctx.db.query(
      'SELECT status, score_hundredths FROM quiz_attempts WHERE id = $1',
      [attempt.id],
    );
    expect(graded).toEqual({ status: 'graded', score_hundredths: 100 });

    await ctx.startWorker();
    const auto = await enrolledLearner(ctx, quiz.courseId);
    const open = (await start(quiz.quizId, auto).expect(200)).body;
    const autoTf = open.questions.find((q: ShownQuestion) => q.type === 'true_false');
    await save(open.id, autoTf.id, auto, { answer: true }).expect(200);
    let status = 'open';
    for (let i = 0; i < 100 && status === 'open'; i++) {
      await sleep(200);
      [{ status }] = await ctx.db.query('SELECT status FROM quiz_attempts WHERE id = $1', [
        open.id,
      ]);
    }
    expect(status).toBe('graded');
    const [row] = await ctx.db.query(
      'SELECT score_hundredths, submitted_at >= deadline AS at_deadline FROM quiz_attempts WHERE id = $1',
      [open.id],
    );
    expect(row).toEqual({ score_hundredths: 100, at_deadline: true });
  });

  it('draws N per category, fixes the deadline and limits attempts', async () => {
    const quiz = await createQuizCourse(ctx, instructor, [TRUE_FALSE], { attemptsAllowed: 1 });
    const category = await ctx
      .http()
      .post(`/api/v1/courses/${quiz.courseId}/question-bank/categories`)
      .set(bearer(instructor))
      .send({ name: 'K3 Listrik' })
      .expect(201);
    const drawable = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await ctx
        .http()
        .post(`/api/v1/courses/${quiz.courseId}/question-bank/questions`)
        .set(bearer(instructor))
        .send({ ...TRUE_FALSE, text: `Soal listrik ${i}`, categoryId: category.body.id })
        .expect(201);
      drawable.add(res.body.versionId);
    }
    const patch = (count: number) =>
      ctx
        .http()
        .patch(`/api/v1/quizzes/${quiz.quizId}`)
        .set(bearer(instructor))
        .send({
          selection: { mode: 'random', draws: [{ categoryId: category.body.id, count }] },
          timeLimitSeconds: 600,
          closeAt: new Date(Date.now() + 60_000).toISOString(),
        });
    await patch(6)
      .expect(422)
      .expect((res) => expect(res.body.error).toBe('QUIZ_SETTINGS_INVALID'));
    await patch(3).expect(200);
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const attempt = (await start(quiz.quizId, learner).expect(200)).body;
    expect(attempt.questions).toHaveLength(3);
    for (const q of attempt.questions) expect(drawable.has(q.id)).toBe(true);
    const [quizRow] = await ctx.db.query('SELECT close_at FROM quizzes WHERE id = $1', [
      quiz.quizId,
    ]);
    expect(new Date(attempt.deadline).getTime()).toBe(new Date(quizRow.close_at).getTime());
    await submit(attempt.id, learner).expect(200);
    await start(quiz.quizId, learner)
      .expect(409)
      .expect((res) => expect(res.body.error).toBe('ATTEMPTS_EXHAUSTED'));
  });

  it('a passed quiz completes its lesson and the course', async () => {
    const quiz = await createQuizCourse(ctx, instructor, [TRUE_FALSE], { passingPercent: 100 });
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const attempt = (await start(quiz.quizId, learner).expect(200)).body;
    await save(attempt.id, attempt.questions[0].id, learner, { answer: true }).expect(200);
    await submit(attempt.id, learner).expect(200);
    const [enrollment] = await ctx.db.query(
      'SELECT status, percent FROM enrollments WHERE id = $1',
      [learner.enrollmentId],
    );
    expect(enrollment).toEqual({ status: 'completed', percent: 100 });
    const [progress] = await ctx.db.query(
      'SELECT status FROM lesson_progress WHERE enrollment_id = $1 AND lesson_id = $2',
      [learner.enrollmentId, quiz.lessonId],
    );
    expect(progress.status).toBe('completed');
  });

  it('a learner who is not enrolled cannot see or start the quiz', async () => {
    const quiz = await createQuizCourse(ctx, instructor, [TRUE_FALSE]);
    const stranger = await seedUser(ctx, Role.Learner);
    await start(quiz.quizId, stranger).expect(404);
    await ctx.http().get(`/api/v1/quizzes/${quiz.quizId}`).set(bearer(stranger)).expect(404);
  });

  it('essays wait for manual grading, which is audited and e-mails the learner', async () => {
    const quiz = await createQuizCourse(ctx, instructor, [ESSAY, TRUE_FALSE], {
      passingPercent: 50,
    });
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const attempt = (await start(quiz.quizId, learner).expect(200)).body;
    const essay = attempt.questions.find((q: ShownQuestion) => q.type === 'essay');
    const tf = attempt.questions.find((q: ShownQuestion) => q.type === 'true_false');
    await save(attempt.id, essay.id, learner, { text: 'Eliminasi, substitusi, rekayasa' }).expect(
      200,
    );
    await save(attempt.id, tf.id, learner, { answer: false }).expect(200);
    const submitted = (await submit(attempt.id, learner).expect(200)).body;
    expect(submitted.status).toBe('needs_grading');

    const grade = (user: SeededUser, mark: number) =>
      ctx
        .http()
        .post(`/api/v1/attempts/${attempt.id}/grades`)
        .set(bearer(user))
        .send({ grades: [{ questionId: essay.id, mark, comment: 'Baik' }] });
    await grade(learner, 2).expect(403);
    await grade(instructor, 3).expect(400);
    const graded = (await grade(instructor, 2).expect(200)).body;
    expect(graded.status).toBe('graded');
    expect(graded.result).toEqual({ score: 2, maxScore: 3, percent: 66.67, passed: true });

    const audit = await ctx.db.query(
      `SELECT actor_id, data FROM audit_log WHERE action = 'quiz_attempt.graded' AND entity_id = $1`,
      [attempt.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(instructor.id);
    const mails = await ctx.db.query(
      `SELECT data FROM email_outbox WHERE template = 'essay_graded' AND user_id = $1`,
      [learner.id],
    );
    expect(mails).toHaveLength(1);
    expect(mails[0].data).toMatchObject({ quizTitle: 'Kuis K3', scorePercent: 66.67 });
    const [enrollment] = await ctx.db.query('SELECT status FROM enrollments WHERE id = $1', [
      learner.enrollmentId,
    ]);
    expect(enrollment.status).toBe('completed');
  });

  it('regrades finished attempts after a question fix, keeping option ids, and audits it', async () => {
    const wrongKey = {
      ...SINGLE,
      options: [
        { text: 'Alat Pelindung Diri', fraction: 0 },
        { text: 'Alat Pemadam Darurat', fraction: 1 },
      ],
    };
    const quiz = await createQuizCourse(ctx, instructor, [wrongKey]);
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const attempt = (await start(quiz.quizId, learner).expect(200)).body;
    const q = attempt.questions[0];
    const right = q.options.find((o: { text: string }) => /Diri/.test(o.text)).id;
    await save(attempt.id, q.id, learner, { optionId: right }).expect(200);
    await submit(attempt.id, learner).expect(200);

    const current = (
      await ctx
        .http()
        .get(`/api/v1/questions/${quiz.questionIds[0]}`)
        .set(bearer(instructor))
        .expect(200)
    ).body;
    const fixed = await ctx
      .http()
      .put(`/api/v1/questions/${quiz.questionIds[0]}`)
      .set(bearer(instructor))
      .send({
        ...wrongKey,
        options: current.spec.options.map((o: { id: string; text: string }) => ({
          id: o.id,
          text: o.text,
          fraction: /Diri/.test(o.text) ? 1 : 0,
        })),
      })
      .expect(200);
    expect(fixed.body.versionNo).toBe(2);
    const [kept] = await ctx.db.query('SELECT questions FROM quiz_attempts WHERE id = $1', [
      attempt.id,
    ]);
    expect(kept.questions[0].v).toBe(q.id);

    const regrade = await ctx
      .http()
      .post(`/api/v1/quizzes/${quiz.quizId}/regrade`)
      .set(bearer(instructor))
      .send({ questionId: quiz.questionIds[0] })
      .expect(200);
    expect(regrade.body.regraded).toBe(1);
    const [after] = await ctx.db.query(
      'SELECT score_hundredths, passed, questions FROM quiz_attempts WHERE id = $1',
      [attempt.id],
    );
    expect(after.score_hundredths).toBe(100);
    expect(after.passed).toBe(true);
    expect(after.questions[0].v).toBe(fixed.body.versionId);
    const audit = await ctx.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'quiz_attempt.regraded' AND entity_id = $1`,
      [attempt.id],
    );
    expect(audit).toHaveLength(1);
  });
});
