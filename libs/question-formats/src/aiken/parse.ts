import {
  ErrorCollector,
  internalError,
  normaliseLineEndings,
  rejectUnusableInput,
} from '../errors';
import { ChoiceOption, ParseResult, QuestionDraft } from '../model';
import { validateQuestion } from '../validate';

// Prefix-only patterns: the rest of the line is sliced off, never matched by a regex.
const OPTION_PREFIX = /^[A-Za-z][.)](?=\s|$)/;
const ANSWER_PREFIX = /^ANSWER\s*:/i;

interface PendingQuestion {
  line: number;
  textLines: string[];
  options: { letter: string; text: string; line: number }[];
}

/**
 * Aiken: question text (one or more lines), options `A. text` or `A) text`, then
 * `ANSWER: B`. Blank lines between questions are optional.
 */
export function parseAiken(input: string): ParseResult {
  const rejected = rejectUnusableInput(input);
  if (rejected) {
    return rejected;
  }
  try {
    return parseLines(normaliseLineEndings(input).split('\n'));
  } catch (error) {
    return internalError(error);
  }
}

function parseLines(lines: string[]): ParseResult {
  const errors = new ErrorCollector();
  const questions: QuestionDraft[] = [];
  let pending: PendingQuestion | null = null;

  const reportUnfinished = (question: PendingQuestion) =>
    errors.add(
      question.line,
      'AIKEN_MISSING_ANSWER',
      'The question has no "ANSWER: X" line after its options.',
    );

  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const text = lines[index].trim();
    if (text === '') {
      continue;
    }
    const answer = ANSWER_PREFIX.exec(text);
    if (pending === null) {
      if (answer) {
        errors.add(
          lineNumber,
          'AIKEN_UNEXPECTED_ANSWER',
          'Found an ANSWER line without a question.',
        );
      } else {
        pending = { line: lineNumber, textLines: [text], options: [] };
      }
      continue;
    }
    if (answer) {
      const letter = text.slice(answer[0].length).trim();
      const question = finishQuestion(pending, letter, lineNumber, errors);
      if (question) {
        questions.push(question);
      }
      pending = null;
      continue;
    }
    if (OPTION_PREFIX.test(text)) {
      pending.options.push({
        letter: text[0].toUpperCase(),
        text: text.slice(2).trim(),
        line: lineNumber,
      });
    } else if (pending.options.length === 0) {
      pending.textLines.push(text);
    } else {
      // Options have started but this line is neither an option nor ANSWER: the previous
      // question lost its ANSWER line, and this line most likely starts the next question.
      reportUnfinished(pending);
      pending = { line: lineNumber, textLines: [text], options: [] };
    }
  }
  if (pending !== null) {
    reportUnfinished(pending);
  }
  return { questions, errors: errors.sorted() };
}

function finishQuestion(
  pending: PendingQuestion,
  answerLetterText: string,
  answerLine: number,
  errors: ErrorCollector,
): QuestionDraft | null {
  const errorsBefore = errors.count;
  const seen = new Set<string>();
  for (const option of pending.options) {
    if (seen.has(option.letter)) {
      errors.add(
        option.line,
        'AIKEN_DUPLICATE_OPTION',
        `Option letter ${option.letter} is used more than once.`,
      );
    }
    seen.add(option.letter);
  }
  const letter = answerLetterText.toUpperCase();
  if (!/^[A-Z]$/.test(letter)) {
    errors.add(
      answerLine,
      'AIKEN_INVALID_ANSWER',
      `"ANSWER: ${answerLetterText.slice(0, 20)}" must name one option letter, e.g. "ANSWER: B".`,
    );
  } else if (pending.options.length > 0 && !seen.has(letter)) {
    errors.add(
      answerLine,
      'AIKEN_ANSWER_NOT_AN_OPTION',
      `ANSWER ${letter} does not match any option (${[...seen].join(', ')}).`,
    );
  }
  const options: ChoiceOption[] = pending.options.map((option) => ({
    text: option.text,
    fraction: option.letter === letter ? 1 : 0,
  }));
  const question: QuestionDraft = {
    type: 'single_choice',
    text: pending.textLines.join('\n'),
    textFormat: 'plain',
    defaultMark: 1,
    tags: [],
    options,
    line: pending.line,
  };
  const answerIsValid = errors.count === errorsBefore;
  validateQuestion(
    answerIsValid ? question : { ...question, options: options.map(withUnknownFraction) },
    errors,
    { options: pending.options.map((option) => option.line) },
  );
  return errors.count === errorsBefore ? question : null;
}

/** After a bad ANSWER line the correct option is unknown; do not also report "no correct answer". */
function withUnknownFraction(option: ChoiceOption): ChoiceOption {
  return { ...option, fraction: Number.NaN };
}
