import type { ChoiceOption, MatchingPair, NumericalAnswer } from '@app/question-formats';
import { parseNumericResponse } from './numeric-response';
import { matchesAcceptedAnswer } from './wildcard-match';

/** A choice option as stored by the quiz module: the id is random and shown to the browser. */
export interface ScorableOption extends ChoiceOption {
  id: string;
}

/** A matching pair with the id of its prompt; pairs with an empty prompt are distractors. */
export interface ScorableMatchingPair extends MatchingPair {
  id: string;
}

export type ScorableQuestion =
  | { type: 'single_choice' | 'multiple_choice'; options: ScorableOption[] }
  | { type: 'true_false'; correctAnswer: boolean }
  | { type: 'short_answer'; acceptedAnswers: ChoiceOption[]; caseSensitive?: boolean }
  | { type: 'numerical'; numericalAnswers: NumericalAnswer[] }
  | { type: 'matching'; matchingPairs: ScorableMatchingPair[] }
  | { type: 'essay' }
  | { type: 'description' };

/** What a learner submitted. `null` values mean "left unanswered". */
export type QuestionResponse =
  | { type: 'single_choice'; optionId: string | null }
  | { type: 'multiple_choice'; optionIds: string[] }
  | { type: 'true_false'; answer: boolean | null }
  | { type: 'short_answer'; text: string }
  /** Raw text so that `2,5` (Indonesian decimal comma) can be accepted. */
  | { type: 'numerical'; text: string }
  /** For each prompt (pair id) the answer text the learner picked from the drop-down. */
  | { type: 'matching'; matches: { pairId: string; answer: string }[] }
  | { type: 'essay'; text: string };

export interface ScoreResult {
  /** In [0, 1]; multiply by the question's mark. */
  fraction: number;
  /** True for an answered essay: a teacher has to set the fraction. */
  needsManualGrading: boolean;
}

const AUTOMATIC_ZERO: ScoreResult = { fraction: 0, needsManualGrading: false };

/**
 * Scores one response. A missing response, or one whose type does not match the question
 * (e.g. a tampered request), scores 0 instead of throwing.
 */
export function scoreResponse(
  question: ScorableQuestion,
  response: QuestionResponse | null | undefined,
): ScoreResult {
  if (!response) {
    return AUTOMATIC_ZERO;
  }
  // Each case checks the response type itself: a mismatched response scores 0.
  switch (question.type) {
    case 'single_choice':
      return automatic(scoreSingleChoice(question.options, response));
    case 'multiple_choice':
      return automatic(scoreMultipleChoice(question.options, response));
    case 'true_false':
      return automatic(
        response.type === 'true_false' && response.answer === question.correctAnswer ? 1 : 0,
      );
    case 'short_answer':
      return automatic(
        response.type === 'short_answer' ? scoreShortAnswer(question, response.text) : 0,
      );
    case 'numerical':
      return automatic(
        response.type === 'numerical'
          ? scoreNumerical(question.numericalAnswers, response.text)
          : 0,
      );
    case 'matching':
      return automatic(
        response.type === 'matching' ? scoreMatching(question.matchingPairs, response.matches) : 0,
      );
    case 'essay':
      return response.type === 'essay' && response.text.trim() !== ''
        ? { fraction: 0, needsManualGrading: true }
        : AUTOMATIC_ZERO;
    case 'description':
      return AUTOMATIC_ZERO;
  }
}

function automatic(fraction: number): ScoreResult {
  return { fraction: clampFraction(fraction), needsManualGrading: false };
}

/** Clamps to [0, 1] and removes floating-point noise such as 0.30000000000000004. */
function clampFraction(fraction: number): number {
  if (!Number.isFinite(fraction) || fraction <= 0) {
    return 0;
  }
  return Math.min(1, Math.round(fraction * 1e7) / 1e7);
}

function scoreSingleChoice(options: ScorableOption[], response: QuestionResponse): number {
  if (response.type !== 'single_choice' || response.optionId === null) {
    return 0;
  }
  return options.find((option) => option.id === response.optionId)?.fraction ?? 0;
}

/** Negative weights of wrong options may cancel correct ones; the total is floored at 0. */
function scoreMultipleChoice(options: ScorableOption[], response: QuestionResponse): number {
  if (response.type !== 'multiple_choice') {
    return 0;
  }
  const selected = new Set(response.optionIds);
  return options
    .filter((option) => selected.has(option.id))
    .reduce((sum, option) => sum + option.fraction, 0);
}

function scoreShortAnswer(
  question: Extract<ScorableQuestion, { type: 'short_answer' }>,
  text: string,
): number {
  if (text.trim() === '') {
    return 0;
  }
  const caseSensitive = question.caseSensitive ?? false;
  return bestFraction(
    question.acceptedAnswers.filter((answer) =>
      matchesAcceptedAnswer(answer.text, text, caseSensitive),
    ),
  );
}

// Range midpoints such as (1.1 + 1.3) / 2 are not exact in binary floating point, so the
// tolerance gets a tiny relative slack; otherwise the range's own endpoints could fail.
const RELATIVE_SLACK = 1e-12;

function scoreNumerical(answers: NumericalAnswer[], text: string): number {
  const value = parseNumericResponse(text);
  if (Number.isNaN(value)) {
    return 0;
  }
  return bestFraction(
    answers.filter((answer) => {
      const slack = RELATIVE_SLACK * Math.max(1, Math.abs(answer.value), Math.abs(value));
      return Math.abs(value - answer.value) <= Math.abs(answer.tolerance) + slack;
    }),
  );
}

function scoreMatching(
  pairs: ScorableMatchingPair[],
  matches: { pairId: string; answer: string }[],
): number {
  const prompts = pairs.filter((pair) => pair.prompt.trim() !== '');
  if (prompts.length === 0) {
    return 0;
  }
  const chosen = new Map<string, string>();
  for (const match of matches) {
    if (!chosen.has(match.pairId)) {
      chosen.set(match.pairId, match.answer.trim());
    }
  }
  const correct = prompts.filter((pair) => chosen.get(pair.id) === pair.answer.trim()).length;
  return correct / prompts.length;
}

function bestFraction(candidates: { fraction: number }[]): number {
  return candidates.reduce((best, candidate) => Math.max(best, candidate.fraction), 0);
}

export interface GradedItem {
  maxMark: number;
  /** null while an essay waits for manual grading; counts as 0 until graded. */
  fraction: number | null;
}

/** All amounts are integers in hundredths: 850 = 8.50 marks, 8550 = 85.50 %. */
export interface AttemptGrade {
  itemMarks: number[];
  totalMarks: number;
  maxMarks: number;
  percent: number;
  ungradedItems: number;
}

/**
 * Sums an attempt in integer hundredths so no float reaches the database. Each item is
 * rounded half-up to hundredths of a mark first, so the total equals the sum of the stored
 * item marks; the percentage is then rounded half-up from those integers.
 */
export function gradeAttempt(items: GradedItem[]): AttemptGrade {
  const itemMarks: number[] = [];
  let maxMarks = 0;
  let ungradedItems = 0;
  for (const item of items) {
    if (!Number.isFinite(item.maxMark) || item.maxMark < 0) {
      throw new RangeError(`maxMark must be a non-negative number, got ${item.maxMark}`);
    }
    const maxHundredths = scaleToInteger(item.maxMark, 2);
    maxMarks += maxHundredths;
    if (item.fraction === null) {
      ungradedItems++;
      itemMarks.push(0);
      continue;
    }
    const fractionUnits = scaleToInteger(clampFraction(item.fraction), 7);
    itemMarks.push(divideRoundHalfUp(maxHundredths * fractionUnits, 1e7));
  }
  const totalMarks = itemMarks.reduce((sum, marks) => sum + marks, 0);
  const percent = maxMarks === 0 ? 0 : divideRoundHalfUp(totalMarks * 10000, maxMarks);
  return { itemMarks, totalMarks, maxMarks, percent, ungradedItems };
}

export function isPassing(percentHundredths: number, passingPercent: number): boolean {
  return percentHundredths >= passingPercent * 100;
}

export interface AttemptOutcome {
  /** `needs_grading` while any item waits for a teacher. */
  status: 'graded' | 'needs_grading';
  /** Hundredths of a percent, rounded half-up: 8550 = 85.50 %. */
  percent: number;
  /** Decided only once the attempt is fully graded. */
  passed: boolean | null;
}

/** An attempt's status, percentage and pass from its summed marks (integer hundredths). */
export function attemptOutcome(
  totalMarks: number,
  maxMarks: number,
  ungradedItems: number,
  passingPercent: number,
): AttemptOutcome {
  const percent = maxMarks === 0 ? 0 : Math.round((totalMarks * 10000) / maxMarks);
  const status = ungradedItems > 0 ? 'needs_grading' : 'graded';
  const passed = status === 'graded' ? isPassing(percent, passingPercent) : null;
  return { status, percent, passed };
}

/** value × 10^places rounded half-up, computed on the decimal text to avoid 1.005 × 100 = 100.4999. */
function scaleToInteger(value: number, places: number): number {
  const [mantissa, exponentText = '0'] = value.toExponential().split('e');
  const [integerPart, fractionPart = ''] = mantissa.split('.');
  const digits = integerPart + fractionPart;
  const pointPosition = 1 + Number(exponentText) + places;
  if (pointPosition <= 0) {
    return pointPosition === 0 && Number(digits[0]) >= 5 ? 1 : 0;
  }
  const whole = Number(digits.slice(0, pointPosition).padEnd(pointPosition, '0'));
  const nextDigit = Number(digits[pointPosition] ?? '0');
  return nextDigit >= 5 ? whole + 1 : whole;
}

/** Non-negative integer division rounded half-up, exact for operands below 2^53. */
function divideRoundHalfUp(numerator: number, denominator: number): number {
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  if (remainder < 0) {
    quotient--;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient++;
    remainder -= denominator;
  }
  return remainder * 2 >= denominator ? quotient + 1 : quotient;
}
