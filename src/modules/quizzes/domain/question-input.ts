import type { QuestionDraft, QuestionType, TextFormat } from '@app/question-formats';

/** A numerical answer as authors send it: value ± tolerance, or a min..max range. */
export interface NumericalAnswerInput {
  value?: number;
  tolerance?: number;
  min?: number;
  max?: number;
  fraction: number;
  feedback?: string;
}

/** A question as the authoring form sends it (the shape of QuestionInputDto). */
export interface QuestionInput {
  type: QuestionType;
  title?: string;
  text: string;
  textFormat?: TextFormat;
  generalFeedback?: string;
  defaultMark: number;
  tags?: string[];
  options?: { text: string; fraction: number; feedback?: string }[];
  correctAnswer?: boolean;
  feedbackTrue?: string;
  feedbackFalse?: string;
  acceptedAnswers?: { text: string; fraction: number; feedback?: string }[];
  caseSensitive?: boolean;
  numericalAnswers?: NumericalAnswerInput[];
  matchingPairs?: { prompt: string; answer: string }[];
}

/**
 * A min..max range becomes value = (min + max) / 2, tolerance = |max - min| / 2; an answer
 * with neither a value nor a full range gets value NaN, which validation reports.
 */
export function normaliseNumericalAnswer(a: NumericalAnswerInput) {
  const ranged = a.min !== undefined && a.max !== undefined;
  return {
    value: ranged ? (a.min! + a.max!) / 2 : (a.value ?? Number.NaN),
    tolerance: ranged ? Math.abs(a.max! - a.min!) / 2 : (a.tolerance ?? 0),
    fraction: a.fraction,
    ...(a.feedback ? { feedback: a.feedback } : {}),
  };
}

/** The authoring input in the shape the question formats validate and write. */
export function toDraft(input: QuestionInput): QuestionDraft {
  return {
    type: input.type,
    title: input.title,
    text: input.text,
    textFormat: input.textFormat ?? 'markdown',
    generalFeedback: input.generalFeedback,
    defaultMark: input.defaultMark,
    tags: input.tags ?? [],
    options: input.options?.map(({ text, fraction, feedback }) => ({ text, fraction, feedback })),
    correctAnswer: input.correctAnswer,
    feedbackTrue: input.feedbackTrue,
    feedbackFalse: input.feedbackFalse,
    acceptedAnswers: input.acceptedAnswers,
    caseSensitive: input.caseSensitive,
    numericalAnswers: input.numericalAnswers?.map(normaliseNumericalAnswer),
    matchingPairs: input.matchingPairs?.map(({ prompt, answer }) => ({ prompt, answer })),
    line: 1,
  };
}
