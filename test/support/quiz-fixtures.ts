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
