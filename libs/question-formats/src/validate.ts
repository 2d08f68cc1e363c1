import { ErrorCollector } from './errors';
import { ChoiceOption, QuestionDraft } from './model';

/** Source lines of individual answers, when the format knows them; defaults to the question line. */
export interface ItemLines {
  options?: number[];
  acceptedAnswers?: number[];
  numericalAnswers?: number[];
  matchingPairs?: number[];
  /** Set when the parser dropped unreadable answers (already reported): skip count checks. */
  itemsDropped?: boolean;
}

const FULL_MARK_TOLERANCE = 1e-7;
const SUM_TOLERANCE = 0.01;

/**
 * Semantic checks shared by every parser. Non-finite numbers are skipped here because the
 * parser that produced them has already reported the unreadable value.
 */
export function validateQuestion(
  question: QuestionDraft,
  errors: ErrorCollector,
  itemLines: ItemLines = {},
): void {
  const line = question.line;
  if (question.text.trim() === '') {
    errors.add(line, 'EMPTY_QUESTION_TEXT', 'The question text is empty.');
  }
  if (!Number.isFinite(question.defaultMark) || question.defaultMark < 0) {
    errors.add(line, 'INVALID_DEFAULT_MARK', 'The default mark must be a number of at least 0.');
  }
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      validateChoices(question, errors, itemLines.options ?? [], itemLines.itemsDropped ?? false);
      break;
    case 'true_false':
      if (typeof question.correctAnswer !== 'boolean') {
        errors.add(
          line,
          'TRUE_FALSE_MISSING_ANSWER',
          'The true/false question has no correct answer.',
        );
      }
      break;
    case 'short_answer':
      validateWeightedAnswers(question.acceptedAnswers ?? [], line, errors, itemLines);
      break;
    case 'numerical':
      validateNumerical(question, errors, itemLines.numericalAnswers ?? []);
      break;
    case 'matching':
      validateMatching(question, errors, itemLines.matchingPairs ?? [], itemLines.itemsDropped);
      break;
    case 'essay':
    case 'description':
      break;
  }
}

function validateChoices(
  question: QuestionDraft,
  errors: ErrorCollector,
  lines: number[],
  itemsDropped: boolean,
): void {
  const options = question.options ?? [];
  const line = question.line;
  if (options.length < 2 && !itemsDropped) {
    errors.add(
      line,
      'CHOICE_TOO_FEW_OPTIONS',
      `A choice question needs at least 2 options, found ${options.length}.`,
    );
  }
  options.forEach((option, index) => {
    const optionLine = lines[index] ?? line;
    if (option.text.trim() === '') {
      errors.add(optionLine, 'EMPTY_ANSWER', `Option ${index + 1} has no text.`);
    }
    checkFractionRange(option, -1, optionLine, errors);
  });
  const unknownOrInvalid = options.some(
    (option) => !Number.isFinite(option.fraction) || option.fraction < -1 || option.fraction > 1,
  );
  if (options.length < 2 || unknownOrInvalid || itemsDropped) {
    return;
  }
  if (question.type === 'single_choice') {
    if (!options.some((option) => isFullMark(option.fraction))) {
      errors.add(
        line,
        'NO_CORRECT_ANSWER',
        'A single-choice question needs one option worth 100%.',
      );
    } else if (options.every((option) => isFullMark(option.fraction))) {
      errors.add(line, 'CHOICE_NO_WRONG_OPTION', 'A single-choice question needs a wrong option.');
    }
    return;
  }
  const positiveSum = options
    .filter((option) => option.fraction > 0)
    .reduce((sum, option) => sum + option.fraction, 0);
  if (positiveSum === 0) {
    errors.add(
      line,
      'NO_CORRECT_ANSWER',
      'A multiple-choice question needs at least one option with a positive weight.',
    );
  } else if (Math.abs(positiveSum - 1) > SUM_TOLERANCE) {
    errors.add(
      line,
      'CHOICE_FRACTIONS_SUM',
      `The positive option weights add up to ${round2(positiveSum * 100)}% instead of 100%.`,
    );
  }
}

function validateWeightedAnswers(
  answers: ChoiceOption[],
  line: number,
  errors: ErrorCollector,
  itemLines: ItemLines,
): void {
  const lines = itemLines.acceptedAnswers ?? [];
  if (answers.length === 0 && !itemLines.itemsDropped) {
    errors.add(
      line,
      'SHORT_ANSWER_NO_ANSWERS',
      'The short-answer question has no accepted answers.',
    );
    return;
  }
  answers.forEach((answer, index) => {
    const answerLine = lines[index] ?? line;
    if (answer.text.trim() === '') {
      errors.add(answerLine, 'EMPTY_ANSWER', `Accepted answer ${index + 1} has no text.`);
    }
    checkFractionRange(answer, 0, answerLine, errors);
  });
  if (!itemLines.itemsDropped) {
    requireFullMark(answers, line, errors);
  }
}

function validateNumerical(question: QuestionDraft, errors: ErrorCollector, lines: number[]): void {
  const answers = question.numericalAnswers ?? [];
  if (answers.length === 0) {
    errors.add(question.line, 'NUMERICAL_NO_ANSWERS', 'The numerical question has no answers.');
    return;
  }
  answers.forEach((answer, index) => {
    const answerLine = lines[index] ?? question.line;
    if (answer.tolerance < 0) {
      errors.add(
        answerLine,
        'NUMERICAL_NEGATIVE_TOLERANCE',
        `Numerical answer ${index + 1} has a negative tolerance; use min..max with min <= max.`,
      );
    }
    checkFractionRange(answer, 0, answerLine, errors);
  });
  requireFullMark(answers, question.line, errors);
}

function validateMatching(
  question: QuestionDraft,
  errors: ErrorCollector,
  lines: number[],
  itemsDropped = false,
): void {
  const pairs = question.matchingPairs ?? [];
  const realPairs = pairs.filter((pair) => pair.prompt.trim() !== '');
  if (realPairs.length < 2 && !itemsDropped) {
    errors.add(
      question.line,
      'MATCHING_TOO_FEW_PAIRS',
      `A matching question needs at least 2 pairs, found ${realPairs.length}.`,
    );
  }
  pairs.forEach((pair, index) => {
    if (pair.answer.trim() === '') {
      errors.add(lines[index] ?? question.line, 'EMPTY_ANSWER', `Pair ${index + 1} has no answer.`);
    }
  });
}

function checkFractionRange(
  item: { fraction: number },
  minimum: number,
  line: number,
  errors: ErrorCollector,
): void {
  if (Number.isFinite(item.fraction) && (item.fraction < minimum || item.fraction > 1)) {
    errors.add(
      line,
      'FRACTION_OUT_OF_RANGE',
      `The answer weight ${round2(item.fraction * 100)}% must be between ${minimum * 100}% and 100%.`,
    );
  }
}

function requireFullMark(answers: { fraction: number }[], line: number, errors: ErrorCollector) {
  if (answers.some((answer) => !Number.isFinite(answer.fraction))) {
    return;
  }
  if (!answers.some((answer) => isFullMark(answer.fraction))) {
    errors.add(line, 'NO_CORRECT_ANSWER', 'The question needs at least one answer worth 100%.');
  }
}

function isFullMark(fraction: number): boolean {
  return Math.abs(fraction - 1) < FULL_MARK_TOLERANCE;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
