import { Role } from '../src/common/auth/roles';
import { discriminationIndex, facilityIndex } from '../src/modules/quizzes/domain/item-analysis';
import {
  createQuizCourse,
  enrolledLearner,
  ESSAY,
  ITEM_ANALYSIS_ANSWERS,
  seedItemAnalysisQuiz,
  SINGLE,
} from './support/quiz-fixtures';
import { bearer, createTestContext, seedUser, SeededUser, TestContext } from './support/test-app';

interface Row {
  questionId: string;
  type: string;
  snippet: string;
  attempts: number;
  facility: number | null;
  facilityLevel: string | null;
  discrimination: number | null;
  discriminationLevel: string | null;
  options?: { text: string; correct: boolean; count: number; percent: number }[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/*
 * The six first attempts of ITEM_ANALYSIS_ANSWERS, in marks (x = mark on the question,
 * X = attempt total, X' = X − x the rest of the quiz):
 *
 *   single (max 1):  x  = 1, 1, 1, 0, 0, 0     X' = 3, 3, 2, 0, 2, 1
 *   multi  (max 2):  x  = 2, 2, 2, 0, 1, 0     X' = 2, 2, 1, 0, 1, 1
 *   true/false (1):  x  = 1, 1, 0, 0, 1, 1     X' = 3, 3, 3, 0, 1, 0
 *
 * F = 100 · x̄ / x_max (x_min = 0). D = 100 · Sxy / √(Sxx · Syy), with
 * Sxy = Σx·X' − n·x̄·X̄', Sxx = Σx² − n·x̄², Syy = ΣX'² − n·X̄'², n = 6.
 *
 * single: x̄ = 3/6 = 1/2, F = 50. X̄' = 11/6.
 *   Sxy = (3+3+2) − 6·(1/2)(11/6) = 8 − 11/2 = 5/2
 *   Sxx = 3 − 6·(1/4) = 3/2;  Syy = (9+9+4+0+4+1) − 6·(121/36) = 27 − 121/6 = 41/6
 *   D = 100 · (5/2) / √(3/2 · 41/6) = 100 · 2.5 / √10.25
 * multi: x̄ = 7/6, F = 100 · (7/6) / 2 = 58.33. X̄' = 7/6.
 *   Sxy = (4+4+2+0+1+0) − 6·(7/6)(7/6) = 11 − 49/6 = 17/6
 *   Sxx = (4+4+4+0+1+0) − 49/6 = 29/6;  Syy = (4+4+1+0+1+1) − 49/6 = 17/6
 *   D = 100 · (17/6) / √(29/6 · 17/6) = 100 · √(17/29)
 * true/false: x̄ = 4/6 = 2/3, F = 66.67. X̄' = 10/6 = 5/3.
 *   Sxy = (3+3+0+0+1+0) − 6·(2/3)(5/3) = 7 − 20/3 = 1/3
 *   Sxx = 4 − 6·(4/9) = 4/3;  Syy = (9+9+9+0+1+0) − 6·(25/9) = 28 − 50/3 = 34/3
 *   D = 100 · (1/3) / √(4/3 · 34/3) = 100 / √136
 */
const BY_HAND = {
  single_choice: { facility: 50, discrimination: (100 * 2.5) / Math.sqrt(10.25) },
  multiple_choice: { facility: (100 * (7 / 6)) / 2, discrimination: 100 * Math.sqrt(17 / 29) },
  true_false: { facility: (100 * 2) / 3, discrimination: 100 / Math.sqrt(136) },
};

describe('quiz item analysis', () => {
  let ctx: TestContext;
  let owner: SeededUser;
  let outsider: SeededUser;
  let admin: SeededUser;
  let quiz: Awaited<ReturnType<typeof seedItemAnalysisQuiz>>;

  beforeAll(async () => {
    ctx = await createTestContext();
    owner = await seedUser(ctx, Role.Instructor);
    outsider = await seedUser(ctx, Role.Instructor);
    admin = await seedUser(ctx, Role.Admin);
    quiz = await seedItemAnalysisQuiz(ctx, owner);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const analysis = (user: SeededUser, query = '') =>
    ctx.http().get(`/api/v1/quizzes/${quiz.quizId}/item-analysis${query}`).set(bearer(user));

  it('gives the hand-computed facility and discrimination of each question over first attempts', async () => {
    const res = await analysis(owner).expect(200);
    expect(res.body.analysedAttempts).toBe('first');
    expect(res.body.attemptCount).toBe(6);
    expect(res.body.nextCursor).toBeNull();
    const rows = res.body.items as Row[];
    expect(rows.map((r) => r.type)).toEqual(['single_choice', 'multiple_choice', 'true_false']);
    expect(rows.map((r) => r.questionId)).toEqual(quiz.questionIds);
    for (const row of rows) {
      const expected = BY_HAND[row.type as keyof typeof BY_HAND];
      expect(row.attempts).toBe(6);
      expect(row.facility).toBe(round2(expected.facility));
      expect(row.discrimination).toBe(round2(expected.discrimination));
    }
    expect(rows.map((r) => [r.facility, r.discrimination])).toEqual([
      [50, 78.09],
      [58.33, 76.56],
      [66.67, 8.57],
    ]);
    expect(rows.map((r) => [r.facilityLevel, r.discriminationLevel])).toEqual([
      ['about_right', 'very_good'],
      ['about_right', 'very_good'],
      ['fairly_easy', 'very_weak'],
    ]);
    expect(rows[0].snippet).toBe('Apa kepanjangan APD?');
  });

  it('agrees with the domain reference functions', async () => {
    const marks = {
      single_choice: [1, 1, 1, 0, 0, 0],
      multiple_choice: [2, 2, 2, 0, 1, 0],
      true_false: [1, 1, 0, 0, 1, 1],
    };
    const totals = marks.single_choice.map(
      (_, i) => marks.single_choice[i] + marks.multiple_choice[i] + marks.true_false[i],
    );
    expect(totals).toEqual([4, 4, 3, 0, 2, 1]);
    const rows = (await analysis(owner).expect(200)).body.items as Row[];
    for (const row of rows) {
      const x = marks[row.type as keyof typeof marks];
      const max = row.type === 'multiple_choice' ? 2 : 1;
      expect(row.facility).toBe(round2(facilityIndex(x, max)!));
      expect(row.discrimination).toBe(
        round2(discriminationIndex(x.map((mark, i) => ({ mark, total: totals[i] })))!),
      );
    }
  });

  it('counts how often each option was chosen', async () => {
    const rows = (await analysis(owner).expect(200)).body.items as Row[];
    const shares = (row: Row) => row.options!.map((o) => [o.text, o.correct, o.count, o.percent]);
    // single: 3 × Pelindung (L1–L3), 2 × Pemadam (L4, L6), 1 × Area (L5)
    expect(shares(rows[0])).toEqual([
      ['Alat Pelindung Diri', true, 3, 50],
      ['Alat Pemadam Darurat', false, 2, 33.33],
      ['Area Pekerja Dilarang', false, 1, 16.67],
    ]);
    // multi: Helm L1–L3 + L5 = 4, Sarung L1–L3 = 3, Sandal L4 = 1 (L6 chose nothing)
    expect(shares(rows[1])).toEqual([
      ['Helm', true, 4, 66.67],
      ['Sarung tangan', true, 3, 50],
      ['Sandal', false, 1, 16.67],
    ]);
    expect(shares(rows[2])).toEqual([
      ['true', true, 4, 66.67],
      ['false', false, 2, 33.33],
    ]);
    expect(ITEM_ANALYSIS_ANSWERS.filter((a) => a.trueFalse === true)).toHaveLength(4);
  });

  it('counts every graded attempt when asked for all', async () => {
    const res = await analysis(owner, '?attempts=all').expect(200);
    expect(res.body.analysedAttempts).toBe('all');
    expect(res.body.attemptCount).toBe(7);
    const rows = res.body.items as Row[];
    // the retake scored 0 everywhere: single x̄ = 3/7 → F = 300/7
    expect(rows.map((r) => r.attempts)).toEqual([7, 7, 7]);
    expect(rows[0].facility).toBe(round2(300 / 7));
    expect(rows[0].options!.map((o) => o.count)).toEqual([3, 3, 1]);
  });

  it('pages by question order with a keyset cursor, and refuses a forged one', async () => {
    const first = await analysis(owner, '?limit=2').expect(200);
    expect((first.body.items as Row[]).map((r) => r.questionId)).toEqual(
      quiz.questionIds.slice(0, 2),
    );
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await analysis(
      owner,
      `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    ).expect(200);
    expect((second.body.items as Row[]).map((r) => r.questionId)).toEqual([quiz.questionIds[2]]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.attemptCount).toBe(6);

    const forged = await analysis(owner, '?cursor=bm90LWEtY3Vyc29y').expect(400);
    expect(forged.body.error).toBe('INVALID_CURSOR');
    const bad = await analysis(owner, '?attempts=last').expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });

  it('is for the course staff and admins: another instructor gets 404, a learner 403', async () => {
    await analysis(admin).expect(200);
    const outside = await analysis(outsider).expect(404);
    expect(outside.body.error).toBe('NOT_FOUND');
    const learner = await analysis(quiz.learners[0]).expect(403);
    expect(learner.body.error).toBe('FORBIDDEN');
    const missing = await ctx
      .http()
      .get('/api/v1/quizzes/00000000-0000-4000-8000-000000000000/item-analysis')
      .set(bearer(owner))
      .expect(404);
    expect(missing.body.error).toBe('NOT_FOUND');
  });

  it("waits for a first attempt's essay mark instead of counting a later attempt", async () => {
    const essayQuiz = await createQuizCourse(ctx, owner, [SINGLE, ESSAY]);
    const learner = await enrolledLearner(ctx, essayQuiz.courseId);
    const attempt = async (essay: string | null) => {
      const started = await ctx
        .http()
        .post(`/api/v1/quizzes/${essayQuiz.quizId}/attempts`)
        .set(bearer(learner))
        .expect(200);
      const questions = started.body.questions as { id: string; type: string }[];
      const essayQuestion = questions.find((q) => q.type === 'essay')!;
      if (essay) {
        await ctx
          .http()
          .put(`/api/v1/attempts/${started.body.id}/answers/${essayQuestion.id}`)
          .set(bearer(learner))
          .send({ text: essay })
          .expect(200);
      }
      const submitted = await ctx
        .http()
        .post(`/api/v1/attempts/${started.body.id}/submit`)
        .set(bearer(learner))
        .expect(200);
      return { id: started.body.id as string, status: submitted.body.status, essayQuestion };
    };
    const first = await attempt('Eliminasi, substitusi, rekayasa, administrasi, APD.');
    expect(first.status).toBe('needs_grading');
    const second = await attempt(null);
    expect(second.status).toBe('graded');
    const read = (query: string) =>
      ctx
        .http()
        .get(`/api/v1/quizzes/${essayQuiz.quizId}/item-analysis${query}`)
        .set(bearer(owner))
        .expect(200);

    expect((await read('')).body.attemptCount).toBe(0);
    expect((await read('?attempts=all')).body.attemptCount).toBe(1);

    await ctx
      .http()
      .post(`/api/v1/attempts/${first.id}/grades`)
      .set(bearer(owner))
      .send({ grades: [{ questionId: first.essayQuestion.id, mark: 1.5 }] })
      .expect(200);
    const graded = await read('');
    expect(graded.body.attemptCount).toBe(1);
    const essayRow = (graded.body.items as Row[]).find((r) => r.type === 'essay')!;
    // one attempt: essay 1.5 of 2 marks → F = 75; D needs at least two attempts → null
    expect(essayRow).toMatchObject({ attempts: 1, facility: 75, discrimination: null });
    expect(essayRow.options).toBeUndefined();
  });

  it('shows an empty page before any attempt is graded', async () => {
    const empty = await createQuizCourse(ctx, owner, [SINGLE]);
    const res = await ctx
      .http()
      .get(`/api/v1/quizzes/${empty.quizId}/item-analysis`)
      .set(bearer(owner))
      .expect(200);
    expect(res.body).toEqual({
      analysedAttempts: 'first',
      attemptCount: 0,
      items: [],
      nextCursor: null,
    });
  });
});
