export type QuestionType =
  | 'single_choice'
  | 'multiple_choice'
  | 'true_false'
  | 'short_answer'
  | 'numerical'
  | 'matching'
  | 'essay'
  | 'description';

export type TextFormat = 'markdown' | 'html' | 'plain' | 'moodle';

/** fraction is in [-1, 1]; 0.5 means 50 % of the question's mark. */
export interface ChoiceOption {
  text: string;
  fraction: number;
  feedback?: string;
}

/** A `min..max` range is normalised to value = (min + max) / 2, tolerance = (max - min) / 2. */
export interface NumericalAnswer {
  value: number;
  tolerance: number;
  fraction: number;
  feedback?: string;
}

/** An empty prompt marks a distractor: an extra answer offered in every drop-down. */
export interface MatchingPair {
  prompt: string;
  answer: string;
}

export interface QuestionDraft {
  type: QuestionType;
  title?: string;
  text: string;
  textFormat: TextFormat;
  generalFeedback?: string;
  defaultMark: number;
  category?: string;
  tags: string[];
  options?: ChoiceOption[];
  correctAnswer?: boolean;
  /** Shown when the learner answered "true". */
  feedbackTrue?: string;
  /** Shown when the learner answered "false". */
  feedbackFalse?: string;
  /** Answer texts may contain the `*` wildcard. */
  acceptedAnswers?: ChoiceOption[];
  caseSensitive?: boolean;
  numericalAnswers?: NumericalAnswer[];
  matchingPairs?: MatchingPair[];
  /** 1-based line where the question starts in the source. */
  line: number;
}

export interface FormatError {
  line: number;
  message: string;
  /** Stable UPPER_SNAKE identifier, e.g. GIFT_UNCLOSED_BRACE. */
  code: string;
}

export interface ParseResult {
  questions: QuestionDraft[];
  errors: FormatError[];
}

export type QuestionFormat = 'gift' | 'aiken' | 'moodlexml';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const QUESTION_TYPES: readonly QuestionType[] = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'short_answer',
  'numerical',
  'matching',
  'essay',
  'description',
];

export function defaultMarkFor(type: QuestionType): number {
  return type === 'description' ? 0 : 1;
}
