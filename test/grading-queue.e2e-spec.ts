import { Role } from '../src/common/auth/roles';
import {
  createQuizCourse,
  enrolledLearner,
  ESSAY,
  QuizCourse,
  TRUE_FALSE,
} from './support/quiz-fixtures';
import { bearer, createTestContext, seedUser, SeededUser, TestContext } from './support/test-app';

interface QueueItem {
  attemptId: string;
  questionId: string;
  attemptNo: number;
  submittedAt: string;
  course: { id: string; titleId: string; titleEn: string };
  quiz: { id: string; title: string };
  learner: { id: string; name: string };
  questionText: string;
  answerText: string;
  maxMark: number;
  mark: number | null;
  comment: string | null;
}

interface Submitted {
  attemptId: string;
  essayId: string;
  learner: SeededUser;
}

describe('grading queue: essays waiting for a mark across the staffed courses', () => {
  let ctx: TestContext;
  let admin: SeededUser;
  let ownerA: SeededUser;
  let ownerB: SeededUser;
  let hr: SeededUser;
  let courseA: QuizCourse;
  let courseB: QuizCourse;
  const inA: Submitted[] = [];
  let inB: Submitted;
  let blank: Submitted;

  const http = () => ctx.http();
  const queue = (user: SeededUser, query = '') =>
    http().get(`/api/v1/grading/queue${query}`).set(bearer(user));
  const items = async (user: SeededUser, query = '') =>
    (await queue(user, query).expect(200)).body.items as QueueItem[];

  /** A learner takes the quiz: the essay gets `essay` (or nothing when null), true/false true. */
  async function takeQuiz(course: QuizCourse, essay: string | null): Promise<Submitted> {
    const learner = await enrolledLearner(ctx, course.courseId);
    const started = await http()
      .post(`/api/v1/quizzes/${course.quizId}/attempts`)
      .set(bearer(learner))
      .expect(200);
    const questions = started.body.questions as { id: string; type: string }[];
    const essayId = questions.find((q) => q.type === 'essay')!.id;
    if (essay !== null) {
      await http()
        .put(`/api/v1/attempts/${started.body.id}/answers/${essayId}`)
        .set(bearer(learner))
        .send({ text: essay })
        .expect(200);
    }
    const tf = questions.find((q) => q.type === 'true_false');
    if (tf) {
      await http()
        .put(`/api/v1/attempts/${started.body.id}/answers/${tf.id}`)
        .set(bearer(learner))
        .send({ answer: true })
        .expect(200);
    }
    await http()
      .post(`/api/v1/attempts/${started.body.id}/submit`)
      .set(bearer(learner))
      .expect(200);
    return { attemptId: started.body.id, essayId, learner };
  }

  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await seedUser(ctx, Role.Admin);
    ownerA = await seedUser(ctx, Role.Instructor);
    ownerB = await seedUser(ctx, Role.Instructor);
    hr = await seedUser(ctx, Role.Hr);
    courseA = await createQuizCourse(ctx, ownerA, [ESSAY, TRUE_FALSE]);
    courseB = await createQuizCourse(ctx, ownerB, [ESSAY]);
    for (const text of ['Eliminasi dulu', 'Substitusi', 'Rekayasa teknik']) {
      inA.push(await takeQuiz(courseA, text));
    }
    blank = await takeQuiz(courseA, null);
    inB = await takeQuiz(courseB, 'Jawaban kursus B');
  });

  afterAll(() => ctx?.close());

  it('shows an instructor only the essays of the courses they staff, oldest first', async () => {
    const a = await items(ownerA);
    expect(a.map((i) => i.attemptId)).toEqual([...inA, blank].map((s) => s.attemptId));
    expect(a.every((i) => i.course.id === courseA.courseId)).toBe(true);
    expect(a[0]).toMatchObject({
      questionId: inA[0].essayId,
      attemptNo: 1,
      course: {
        titleId: expect.stringMatching(/^Kuis Q-/),
        titleEn: expect.stringMatching(/^Quiz /),
      },
      quiz: { id: courseA.quizId, title: 'Kuis K3' },
      learner: { id: inA[0].learner.id, name: 'Test learner' },
      questionText: ESSAY.text,
      answerText: 'Eliminasi dulu',
      maxMark: 2,
      mark: null,
      comment: null,
    });
    const page = await queue(ownerA).expect(200);
    expect(page.body.courses).toEqual([
      {
        id: courseA.courseId,
        titleId: a[0].course.titleId,
        titleEn: a[0].course.titleEn,
        waiting: 4,
      },
    ]);
    const b = await items(ownerB);
    expect(b.map((i) => i.attemptId)).toEqual([inB.attemptId]);
    expect(b[0].answerText).toBe('Jawaban kursus B');
  });

  it('keeps a blank essay in the queue: it still needs a mark', async () => {
    const a = await items(ownerA);
    const item = a.find((i) => i.attemptId === blank.attemptId);
    expect(item).toMatchObject({ questionId: blank.essayId, answerText: '', mark: null });
  });

  it('shows an admin every course, filtered by courseId on request', async () => {
    const all = await items(admin);
    expect(all).toHaveLength(5);
    const onlyB = await items(admin, `?courseId=${courseB.courseId}`);
    expect(onlyB.map((i) => i.attemptId)).toEqual([inB.attemptId]);
  });

  it('refuses learners and HR, and hides other courses behind 404', async () => {
    await queue(hr).expect(403);
    await queue(inA[0].learner).expect(403);
    await queue(ownerA, `?courseId=${courseB.courseId}`).expect(404);
    await queue(ownerA, '?cursor=not-a-cursor').expect(400);
    await queue(ownerA, '?state=done').expect(400);
  });

  it('pages with a keyset cursor and no item twice', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await queue(ownerA, query).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(res.body.items as QueueItem[]).map((i) => i.attemptId));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual([...inA, blank].map((s) => s.attemptId));
  });

  it('drops graded essays from the queue and lists them as graded; a change needs a reason', async () => {
    const grade = (who: Submitted, mark: number, extra: object = {}) =>
      http()
        .post(`/api/v1/attempts/${who.attemptId}/grades`)
        .set(bearer(ownerA))
        .send({ grades: [{ questionId: who.essayId, mark, comment: 'Cukup' }], ...extra });
    const graded = await grade(inA[1], 1.5).expect(200);
    expect(graded.body.status).toBe('graded');
    await grade(blank, 0).expect(200);
    // another course's staff cannot grade it
    await http()
      .post(`/api/v1/attempts/${inA[0].attemptId}/grades`)
      .set(bearer(ownerB))
      .send({ grades: [{ questionId: inA[0].essayId, mark: 1 }] })
      .expect(404);

    const counts = (await queue(ownerA, '?state=graded').expect(200)).body.courses;
    expect(counts).toMatchObject([{ id: courseA.courseId, waiting: 2 }]);
    const waiting = await items(ownerA);
    expect(waiting.map((i) => i.attemptId)).toEqual([inA[0].attemptId, inA[2].attemptId]);
    const done = await items(ownerA, '?state=graded');
    expect(done.map((i) => i.attemptId)).toEqual([blank.attemptId, inA[1].attemptId]);
    expect(done[1]).toMatchObject({ mark: 1.5, comment: 'Cukup', answerText: 'Substitusi' });

    const refused = await grade(inA[1], 2).expect(422);
    expect(refused.body.error).toBe('REGRADE_REASON_REQUIRED');
    await grade(inA[1], 2, { reason: '   ' }).expect(422);
    const changed = await grade(inA[1], 2, { reason: 'Kunci jawaban diperbarui' }).expect(200);
    expect(changed.body.result).toMatchObject({ score: 3, maxScore: 3, percent: 100 });
    const [audit] = await ctx.db.query(
      `SELECT data FROM audit_log WHERE action = 'quiz_attempt.mark_changed' AND entity_id = $1`,
      [inA[1].attemptId],
    );
    expect(audit.data).toMatchObject({
      reason: 'Kunci jawaban diperbarui',
      previous: [{ questionId: inA[1].essayId, mark: 1.5, comment: 'Cukup' }],
    });
  });
});
