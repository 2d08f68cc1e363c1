import { randomUUID } from 'node:crypto';
import { Role } from '../src/common/auth/roles';
import {
  allValues,
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

/** What the instructor's question bank pages need: filters, field-placed errors, the preview. */
describe('question bank authoring API (filters, field errors, learner preview)', () => {
  let ctx: TestContext;
  let instructor: SeededUser;
  let courseId: string;
  const ids: Record<string, string> = {};

  const bank = (path: string) => `/api/v1/courses/${courseId}/question-bank${path}`;

  beforeAll(async () => {
    ctx = await createTestContext();
    instructor = await seedUser(ctx, Role.Instructor);
    const course = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({
        code: `QB-${randomUUID().slice(0, 8)}`,
        titleId: 'Bank soal',
        titleEn: 'Question bank',
        competencyCode: 'AK3U',
        jpHours: 1,
        certificateValidityMonths: 36,
        enrollmentMode: 'open',
        sequential: false,
        tags: [],
      })
      .expect(201);
    courseId = course.body.id;
    const questions = { SINGLE, MULTI, TRUE_FALSE, SHORT, NUMERIC, MATCHING, ESSAY };
    for (const [name, body] of Object.entries(questions)) {
      const res = await ctx
        .http()
        .post(bank('/questions'))
        .set(bearer(instructor))
        .send({ ...body, title: `Soal ${name} 100%_x` })
        .expect(201);
      ids[name] = res.body.id;
    }
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const list = async (query: string) =>
    (
      await ctx
        .http()
        .get(bank(`/questions?limit=50&${query}`))
        .set(bearer(instructor))
        .expect(200)
    ).body.items.map((q: { id: string }) => q.id);

  it('filters the list by type and by words in the title or text', async () => {
    expect(await list('type=multiple_choice')).toEqual([ids.MULTI]);
    expect(await list('type=essay')).toEqual([ids.ESSAY]);
    expect(await list(`search=${encodeURIComponent('TEGANGAN listrik')}`)).toEqual([ids.NUMERIC]);
    expect(await list(`search=${encodeURIComponent('soal single')}`)).toEqual([ids.SINGLE]);
    // LIKE wildcards are literal: only titles holding "0%_x" match, which is every one.
    expect(await list(`search=${encodeURIComponent('%_x')}`)).toHaveLength(7);
    expect(await list(`search=${encodeURIComponent('_y')}`)).toEqual([]);
    expect(await list('type=numerical&search=helm')).toEqual([]);
    const bad = await ctx
      .http()
      .get(bank('/questions?type=poll'))
      .set(bearer(instructor))
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });

  it('places each validation error on the field and the list item it concerns', async () => {
    const res = await ctx
      .http()
      .post(bank('/questions'))
      .set(bearer(instructor))
      .send({
        type: 'multiple_choice',
        text: 'Pilih',
        defaultMark: 1,
        options: [
          { text: 'Helm', fraction: 0.5 },
          { text: ' ', fraction: 0.25 },
        ],
      })
      .expect(422);
    expect(res.body.error).toBe('QUESTION_INVALID');
    expect(res.body.details.errors).toEqual([
      {
        code: 'CHOICE_FRACTIONS_SUM',
        field: 'options',
        message: 'The positive option weights add up to 75% instead of 100%.',
      },
      { code: 'EMPTY_ANSWER', field: 'options', index: 1, message: 'Option 2 has no text.' },
    ]);
    const numeric = await ctx
      .http()
      .put(`/api/v1/questions/${ids.NUMERIC}`)
      .set(bearer(instructor))
      .send({
        type: 'numerical',
        text: 'Berapa?',
        defaultMark: 1,
        numericalAnswers: [{ value: 1, fraction: 1 }, { fraction: 0.5 }],
      })
      .expect(422);
    expect(numeric.body.details.errors).toEqual([
      expect.objectContaining({
        code: 'NUMERICAL_MISSING_VALUE',
        field: 'numericalAnswers',
        index: 1,
      }),
    ]);
    const tf = await ctx
      .http()
      .post(bank('/questions'))
      .set(bearer(instructor))
      .send({ type: 'true_false', text: 'Benar?', defaultMark: 1 })
      .expect(422);
    expect(tf.body.details.errors).toEqual([
      expect.objectContaining({ code: 'TRUE_FALSE_MISSING_ANSWER', field: 'correctAnswer' }),
    ]);
  });

  it('previews a question as the learner sees it, without the answer key', async () => {
    const single = await ctx
      .http()
      .get(`/api/v1/questions/${ids.SINGLE}/preview`)
      .set(bearer(instructor))
      .expect(200);
    expect(single.body).toMatchObject({
      number: 1,
      type: 'single_choice',
      text: expect.stringContaining('<strong>APD</strong>'),
      maxMark: 1,
    });
    expect(single.body.options.map((o: { text: string }) => o.text)).toEqual(
      SINGLE.options.map((o) => `<p>${o.text}</p>\n`),
    );
    expect(leakedKeys(single.body)).toEqual([]);
    expect(allValues(single.body)).not.toContain('Benar');
    const matching = await ctx
      .http()
      .get(`/api/v1/questions/${ids.MATCHING}/preview`)
      .set(bearer(instructor))
      .expect(200);
    expect(leakedKeys(matching.body)).toEqual([]);
    expect(matching.body.prompts).toHaveLength(4);
    // Matching answers are shuffled for learners: never in prompt order.
    expect([...matching.body.choices].sort()).toEqual(
      MATCHING.matchingPairs.map((p) => p.answer).sort(),
    );
    expect(matching.body.choices).not.toEqual(MATCHING.matchingPairs.map((p) => p.answer));
  });

  it('keeps the preview to the course staff', async () => {
    const stranger = await seedUser(ctx, Role.Instructor);
    await ctx
      .http()
      .get(`/api/v1/questions/${ids.SINGLE}/preview`)
      .set(bearer(stranger))
      .expect(404);
    const learner = await seedUser(ctx, Role.Learner);
    await ctx
      .http()
      .get(`/api/v1/questions/${ids.SINGLE}/preview`)
      .set(bearer(learner))
      .expect(403);
  });
});
