export interface ReviewFlags {
  /** The attempt's mark and percentage. */
  score: boolean;
  /** The learner's own responses. */
  responses: boolean;
  /** The right answers and the mark of each question. */
  correctAnswers: boolean;
  /** General and per-answer feedback. */
  feedback: boolean;
}

export type QuestionSelection =
  | { mode: 'fixed'; questionIds: string[] }
  | { mode: 'random'; draws: { categoryId: string; count: number }[] };

export interface QuizOptions {
  selection: QuestionSelection;
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  review: { afterSubmit: ReviewFlags; afterClose: ReviewFlags };
}

export const NO_REVIEW: ReviewFlags = {
  score: false,
  responses: false,
  correctAnswers: false,
  feedback: false,
};
