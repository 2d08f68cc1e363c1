import { randomBytes } from 'node:crypto';
import { Role } from '../../src/common/auth/roles';
import { bearer, seedUser, SeededUser, TestContext } from './test-app';

export const SINGLE = {
  type: 'single_choice',
  text: 'Apa kepanjangan **APD**?',
  defaultMark: 1,
  generalFeedback: 'APD melindungi pekerja.',
  options: [
    { text: 'Alat Pelindung Diri', fraction: 1, feedback: 'Benar' },
    { text: 'Alat Pemadam Darurat', fraction: 0, feedback: 'Salah' },
    { text: 'Area Pekerja Dilarang', fraction: 0 },
  ],
};
export const MULTI = {
  type: 'multiple_choice',
  text: 'Pilih APD kepala dan tangan',
  defaultMark: 2,
  options: [
    { text: 'Helm', fraction: 0.5 },
    { text: 'Sarung tangan', fraction: 0.5 },
    { text: 'Sandal', fraction: -1 },
  ],
};
export const TRUE_FALSE = {
  type: 'true_false',
  text: 'Helm wajib dipakai di area proyek.',
  defaultMark: 1,
  correctAnswer: true,
  feedbackTrue: 'Tepat',
};
export const SHORT = {
  type: 'short_answer',
  text: 'Sebutkan pelindung kepala',
  defaultMark: 1,
  acceptedAnswers: [{ text: 'helmzz*', fraction: 1 }],
};
export const NUMERIC = {
  type: 'numerical',
  text: 'Tegangan listrik rumah (volt)?',
  defaultMark: 1,
  numericalAnswers: [{ value: 227, tolerance: 0.7, fraction: 1 }],
};
export const MATCHING = {
  type: 'matching',
  text: 'Pasangkan',
  defaultMark: 1,
  matchingPairs: [
    { prompt: 'Kepala', answer: 'Helm' },
    { prompt: 'Tangan', answer: 'Sarung' },
    { prompt: 'Kaki', answer: 'Sepatu' },
    { prompt: 'Mata', answer: 'Kacamata' },
  ],
};
export const ESSAY = { type: 'essay', text: 'Jelaskan hierarki pengendalian', defaultMark: 2 };

export interface QuizCourse {
  courseId: string;
  lessonId: string;
  quizId: string;
  questionIds: string[];
}

/** A course whose only lesson is a quiz over the given questions, published. */
export async function createQuizCourse(
  ctx: TestContext,
  author: { token: string },
  questions: object[],
  settings: Record<string, unknown> = {},
): Promise<QuizCourse> {
  const code = `Q-${randomBytes(4).toString('hex')}`;
  const course = await ctx
    .http()
    .post('/api/v1/courses')
    .set(bearer(author))
    .send({
      code,
      titleId: `Kuis ${code}`,
      titleEn: `Quiz ${code}`,
      competencyCode: 'AK3U',
      jpHours: 1,
      certificateValidityMonths: 36,
      enrollmentMode: 'open',
      sequential: false,
      tags: ['k3'],
    })
    .expect(201);
  const courseId = course.body.id as string;
  const module = await ctx
    .http()
    .post(`/api/v1/courses/${courseId}/modules`)
    .set(bearer(author))
    .send({ titleId: 'Modul', titleEn: 'Module' })
    .expect(201);
  const lesson = await ctx
    .http()
    .post(`/api/v1/courses/${courseId}/modules/${module.body.id}/lessons`)
    .set(bearer(author))
    .send({ type: 'quiz', titleId: 'Kuis', titleEn: 'Quiz', required: true })
    .expect(201);
  const questionIds: string[] = [];
  for (const q of questions) {
    const res = await ctx
      .http()
      .post(`/api/v1/courses/${courseId}/question-bank/questions`)
      .set(bearer(author))
      .send(q);
    if (res.status !== 201) throw new Error(`question: ${JSON.stringify(res.body)}`);
    questionIds.push(res.body.id);
  }
  const quiz = await ctx
    .http()
    .post('/api/v1/quizzes')
    .set(bearer(author))
    .send({
      lessonId: lesson.body.id,
      title: 'Kuis K3',
      selection: { mode: 'fixed', questionIds },
      passingPercent: 70,
      ...settings,
    });
  if (quiz.status !== 201) throw new Error(`quiz: ${JSON.stringify(quiz.body)}`);
  await ctx.http().post(`/api/v1/courses/${courseId}/publish`).set(bearer(author)).expect(200);
  return { courseId, lessonId: lesson.body.id, quizId: quiz.body.id, questionIds };
}

export async function enrolledLearner(
  ctx: TestContext,
  courseId: string,
): Promise<SeededUser & { enrollmentId: string }> {
  const learner = await seedUser(ctx, Role.Learner);
  const res = await ctx.http().post(`/api/v1/courses/${courseId}/enroll`).set(bearer(learner));
  if (res.status !== 201) throw new Error(`enroll: ${JSON.stringify(res.body)}`);
  return { ...learner, enrollmentId: res.body.id };
}

const FORBIDDEN_KEYS = new Set([
  'fraction',
  'correct',
  'iscorrect',
  'feedback',
  'generalfeedback',
  'answerfeedback',
  'acceptedanswers',
  'acceptednumbers',
  'tolerance',
  'correctanswer',
  'correctoptionids',
  'correctmatches',
  'matchingpairs',
  'spec',
  'awardedmark',
]);

/** Every path in a learner-facing body whose key would reveal the answer key. */
export function leakedKeys(body: unknown, path = '$'): string[] {
  if (Array.isArray(body)) return body.flatMap((v, i) => leakedKeys(v, `${path}[${i}]`));
  if (body && typeof body === 'object') {
    return Object.entries(body).flatMap(([key, value]) => [
      ...(FORBIDDEN_KEYS.has(key.toLowerCase()) ? [`${path}.${key}`] : []),
      ...leakedKeys(value, `${path}.${key}`),
    ]);
  }
  return [];
}

/** All primitive values anywhere in a body. */
export function allValues(body: unknown): unknown[] {
  if (Array.isArray(body)) return body.flatMap(allValues);
  if (body && typeof body === 'object') return Object.values(body).flatMap(allValues);
  return [body];
}

/** What one learner picks in the item-analysis fixture: option texts, or the true/false answer. */
export interface ItemAnalysisAnswers {
  single: string | null;
  multi: string[];
  trueFalse: boolean | null;
}

/**
 * The hand-checked item-analysis set: six learners, one attempt each, over SINGLE (1 mark),
 * MULTI (2 marks) and TRUE_FALSE (1 mark), plus a second, all-wrong attempt of the first
 * learner (counted only when all attempts are analysed).
 *
 *   learner  single                 multi                 true/false   marks (x1, x2, x3)  X
 *   L1       Alat Pelindung Diri    Helm + Sarung tangan  true         1, 2, 1             4
 *   L2       Alat Pelindung Diri    Helm + Sarung tangan  true         1, 2, 1             4
 *   L3       Alat Pelindung Diri    Helm + Sarung tangan  false        1, 2, 0             3
 *   L4       Alat Pemadam Darurat   Sandal                false        0, 0, 0             0
 *   L5       Area Pekerja Dilarang  Helm                  true         0, 1, 1             2
 *   L6       Alat Pemadam Darurat   (none)                true         0, 0, 1             1
 */
export const ITEM_ANALYSIS_ANSWERS: ItemAnalysisAnswers[] = [
  { single: 'Alat Pelindung Diri', multi: ['Helm', 'Sarung tangan'], trueFalse: true },
  { single: 'Alat Pelindung Diri', multi: ['Helm', 'Sarung tangan'], trueFalse: true },
  { single: 'Alat Pelindung Diri', multi: ['Helm', 'Sarung tangan'], trueFalse: false },
  { single: 'Alat Pemadam Darurat', multi: ['Sandal'], trueFalse: false },
  { single: 'Area Pekerja Dilarang', multi: ['Helm'], trueFalse: true },
  { single: 'Alat Pemadam Darurat', multi: [], trueFalse: true },
];
export const ITEM_ANALYSIS_RETAKE: ItemAnalysisAnswers = {
  single: 'Alat Pemadam Darurat',
  multi: ['Sandal'],
  trueFalse: false,
};

interface ShownChoiceQuestion {
  id: string;
  type: string;
  options?: { id: string; text: string }[];
}

/** Starts, answers and submits one attempt through the API. */
export async function takeAttempt(
  ctx: TestContext,
  quizId: string,
  learner: { token: string },
  answers: ItemAnalysisAnswers,
): Promise<void> {
  const started = await ctx
    .http()
    .post(`/api/v1/quizzes/${quizId}/attempts`)
    .set(bearer(learner))
    .expect(200);
  const attemptId = started.body.id as string;
  const optionId = (q: ShownChoiceQuestion, text: string) => {
    const option = q.options!.find((o) => o.text.includes(text));
    if (!option) throw new Error(`no option ${text}`);
    return option.id;
  };
  for (const q of started.body.questions as ShownChoiceQuestion[]) {
    let body: object | null = null;
    if (q.type === 'single_choice' && answers.single) {
      body = { optionId: optionId(q, answers.single) };
    } else if (q.type === 'multiple_choice' && answers.multi.length) {
      body = { optionIds: answers.multi.map((t) => optionId(q, t)) };
    } else if (q.type === 'true_false' && answers.trueFalse !== null) {
      body = { answer: answers.trueFalse };
    }
    if (!body) continue;
    await ctx
      .http()
      .put(`/api/v1/attempts/${attemptId}/answers/${q.id}`)
      .set(bearer(learner))
      .send(body)
      .expect(200);
  }
  await ctx.http().post(`/api/v1/attempts/${attemptId}/submit`).set(bearer(learner)).expect(200);
}

/** A published quiz over SINGLE, MULTI and TRUE_FALSE with the attempts above, all graded. */
export async function seedItemAnalysisQuiz(
  ctx: TestContext,
  author: { token: string },
): Promise<QuizCourse & { learners: SeededUser[] }> {
  const quiz = await createQuizCourse(ctx, author, [SINGLE, MULTI, TRUE_FALSE]);
  const learners: SeededUser[] = [];
  for (const answers of ITEM_ANALYSIS_ANSWERS) {
    const learner = await enrolledLearner(ctx, quiz.courseId);
    await takeAttempt(ctx, quiz.quizId, learner, answers);
    learners.push(learner);
  }
  await takeAttempt(ctx, quiz.quizId, learners[0], ITEM_ANALYSIS_RETAKE);
  return { ...quiz, learners };
}
