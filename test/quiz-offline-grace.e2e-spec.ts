import { Role } from '../src/common/auth/roles';
import { answeredAtFor, answerTimingRefusal } from '../src/modules/quizzes/domain/attempt-rules';
import { ANSWER_TIMING_SQL, ANSWERED_AT_SQL } from '../src/modules/quizzes/attempts.service';
import { createQuizCourse, enrolledLearner, SINGLE, TRUE_FALSE } from './support/quiz-fixtures';
import { bearer, createTestContext, seedUser, SeededUser, TestContext } from './support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const GRACE_SECONDS = 3;

interface ShownQuestion {
  id: string;
  type: string;
  options?: { id: string; text: string }[];
}

/**
 * An answer given offline before the deadline but delivered after it is taken during
 * QUIZ_OFFLINE_GRACE_SECONDS and counts in the grade; the worker submits only after the grace.
 */
describe('quizzes: the offline grace after a deadline', () => {
  let ctx: TestContext;
  let instructor: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext({ QUIZ_OFFLINE_GRACE_SECONDS: String(GRACE_SECONDS) });
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
  const iso = (ms: number) => new Date(ms).toISOString();

  async function timedAttempt() {
    const quiz = await createQuizCourse(ctx, instructor, [SINGLE, TRUE_FALSE], {
      timeLimitSeconds: 2,
    });
    const learner = await enrolledLearner(ctx, quiz.courseId);
    const attempt = (await start(quiz.quizId, learner).expect(200)).body;
    const single: ShownQuestion = attempt.questions.find(
      (q: ShownQuestion) => q.type === 'single_choice',
    );
    const tf: ShownQuestion = attempt.questions.find((q: ShownQuestion) => q.type === 'true_false');
    const correctOption = single.options!.find((o) => /Diri/.test(o.text))!.id;
    return { attempt, learner, single, tf, correctOption, deadline: Date.parse(attempt.deadline) };
  }

  it('takes a late-delivered answer given before the deadline, refuses one given after it, and grades both in-time answers', async () => {
    const { attempt, learner, single, tf, correctOption, deadline } = await timedAttempt();
    await save(attempt.id, tf.id, learner, { answer: true }).expect(200);
    await sleep(Math.max(0, deadline - Date.now()) + 300);

    for (const body of [
      { optionId: correctOption },
      { optionId: correctOption, answeredAt: iso(deadline + 100) },
    ]) {
      await save(attempt.id, single.id, learner, body)
        .expect(409)
        .expect((res) => expect(res.body.error).toBe('ATTEMPT_DEADLINE_PASSED'));
    }
    const givenAt = deadline - 500;
    await save(attempt.id, single.id, learner, {
      optionId: correctOption,
      answeredAt: iso(givenAt),
    }).expect(200);
    const [stored] = await ctx.db.query(
      `SELECT answered_at FROM quiz_attempt_answers WHERE attempt_id = $1 AND question_version_id = $2`,
      [attempt.id, single.id],
    );
    expect(new Date(stored.answered_at).getTime()).toBe(givenAt);

    // The worker waits out the grace before it submits, and the late answer counts.
    await ctx.startWorker();
    let row: { status: string; score_hundredths: number | null; after_grace: boolean } | undefined;
    for (let i = 0; i < 100; i++) {
      [row] = await ctx.db.query(
        `SELECT status, score_hundredths, submitted_at >= grace_until AS after_grace
           FROM quiz_attempts WHERE id = $1`,
        [attempt.id],
      );
      if (row!.status !== 'open') break;
      await sleep(200);
    }
    expect(row).toEqual({ status: 'graded', score_hundredths: 200, after_grace: true });
  });

  it('refuses an answer given before the deadline once the grace is over', async () => {
    const { attempt, learner, single, correctOption, deadline } = await timedAttempt();
    await sleep(Math.max(0, deadline - Date.now()) + GRACE_SECONDS * 1000 + 300);
    const res = await save(attempt.id, single.id, learner, {
      optionId: correctOption,
      answeredAt: iso(deadline - 1000),
    });
    expect(res.status).toBe(409);
    expect(['ATTEMPT_DEADLINE_PASSED', 'ATTEMPT_NOT_OPEN']).toContain(res.body.error);
    const rows = await ctx.db.query('SELECT 1 FROM quiz_attempt_answers WHERE attempt_id = $1', [
      attempt.id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('the save SQL applies exactly the domain rule for the timing and the stored time', async () => {
    const deadline = Date.parse('2026-12-02T10:00:00Z');
    const graceUntil = deadline + GRACE_SECONDS * 1000;
    const onDbClock = (sql: string) => sql.replace(/now\(\)/g, '$6::timestamptz');
    const query = `SELECT ${onDbClock(ANSWER_TIMING_SQL)} AS taken, ${onDbClock(ANSWERED_AT_SQL)} AS at
      FROM (SELECT $1::timestamptz AS deadline, $2::timestamptz AS grace_until,
                   $3::int AS unused3, $4::int AS unused4) a`;
    const offsets = [-2000, -1, 0, 1, 1500, GRACE_SECONDS * 1000 - 1, GRACE_SECONDS * 1000, 9000];
    let cases = 0;
    for (const hasDeadline of [true, false]) {
      for (const nowOffset of offsets) {
        for (const claimed of [null, ...offsets]) {
          const now = new Date(deadline + nowOffset);
          const answeredAt = claimed === null ? null : new Date(deadline + claimed);
          const [row] = await ctx.db.query(query, [
            hasDeadline ? new Date(deadline) : null,
            hasDeadline ? new Date(graceUntil) : null,
            0,
            0,
            answeredAt,
            now,
          ]);
          const expected =
            answerTimingRefusal(
              now,
              hasDeadline ? new Date(deadline) : null,
              hasDeadline ? new Date(graceUntil) : null,
              answeredAt,
            ) === null;
          expect({ nowOffset, claimed, hasDeadline, taken: row.taken === true }).toEqual({
            nowOffset,
            claimed,
            hasDeadline,
            taken: expected,
          });
          expect(new Date(row.at).getTime()).toBe(answeredAtFor(now, answeredAt).getTime());
          cases++;
        }
      }
    }
    expect(cases).toBe(2 * offsets.length * (offsets.length + 1));
  });
});
