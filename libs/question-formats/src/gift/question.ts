import { ErrorCollector } from '../errors';
import { defaultMarkFor, QuestionDraft } from '../model';
import { ItemLines } from '../validate';
import {
  parseChoiceAnswers,
  parseMatchingPairs,
  parseNumericalAnswers,
  parseShortAnswers,
} from './answers';
import { readFormatTag, textWithoutFormatTag } from './format-tag';
import { MarkedText } from './marked-text';

export const MISSING_WORD_MARKER = '_____';

const TRUE_FALSE = /^(T|TRUE|F|FALSE)$/i;

export interface ParsedGiftQuestion {
  question: QuestionDraft;
  itemLines: ItemLines;
}

interface AnswerBlock {
  start: number;
  end: number;
}

/** Parses one question (title, text, answer block). Returns null after a structural error. */
export function parseGiftQuestion(
  content: MarkedText,
  line: number,
  context: { category?: string; tags: string[] },
  errors: ErrorCollector,
): ParsedGiftQuestion | null {
  let rest = content.trim();
  let title: string | undefined;
  if (rest.startsWithSyntax('::')) {
    const titleEnd = rest.indexOfSyntax('::', 2);
    if (titleEnd === -1) {
      errors.add(
        line,
        'GIFT_UNCLOSED_TITLE',
        'The question title starts with "::" but never ends.',
      );
      return null;
    }
    title = rest.slice(2, titleEnd).trim().text || undefined;
    rest = rest.slice(titleEnd + 2).trim();
  }

  const block = findAnswerBlock(rest, line, errors);
  if (block === null) {
    return null;
  }
  const base = {
    ...(title === undefined ? {} : { title }),
    defaultMark: 1,
    ...(context.category === undefined ? {} : { category: context.category }),
    tags: context.tags,
    line,
  };
  if (block === 'none') {
    const { format, rest: text } = readFormatTag(rest);
    const question: QuestionDraft = {
      ...base,
      type: 'description',
      text: text.text,
      textFormat: format ?? 'moodle',
      defaultMark: defaultMarkFor('description'),
    };
    return { question, itemLines: {} };
  }

  const before = rest.slice(0, block.start);
  const after = rest.slice(block.end + 1);
  const questionText =
    after.trim().length === 0
      ? before
      : before.concat(MarkedText.plain(MISSING_WORD_MARKER, line)).concat(after);
  const { format, rest: text } = readFormatTag(questionText);

  let answers = rest.slice(block.start + 1, block.end);
  let generalFeedback: string | undefined;
  const feedbackStart = answers.lastIndexOfSyntax('####');
  if (feedbackStart !== -1) {
    generalFeedback = textWithoutFormatTag(answers.slice(feedbackStart + 4)) || undefined;
    answers = answers.slice(0, feedbackStart);
  }
  answers = answers.trim();

  const common = {
    ...base,
    text: text.text,
    textFormat: format ?? 'moodle',
    ...(generalFeedback === undefined ? {} : { generalFeedback }),
  };
  return parseAnswers(answers, common, line, errors);
}

function findAnswerBlock(
  text: MarkedText,
  line: number,
  errors: ErrorCollector,
): AnswerBlock | 'none' | null {
  const open = text.indexOfSyntax('{');
  const close = text.indexOfSyntax('}');
  if (open === -1 && close === -1) {
    return 'none';
  }
  if (open === -1 || (close !== -1 && close < open)) {
    errors.add(
      text.lineAt(close, line),
      'GIFT_UNEXPECTED_CLOSING_BRACE',
      'Found "}" without a matching "{"; write \\} for a literal brace.',
    );
    return null;
  }
  if (close === -1) {
    const openLine = text.lineAt(open, line);
    const where = openLine === line ? '' : ` (opened on line ${openLine})`;
    errors.add(
      line,
      'GIFT_UNCLOSED_BRACE',
      `The answer block "{" is never closed${where}; the question must end with "}" before the next blank line.`,
    );
    return null;
  }
  const nestedOpen = text.indexOfSyntax('{', open + 1);
  if (nestedOpen !== -1 && nestedOpen < close) {
    errors.add(
      text.lineAt(nestedOpen, line),
      'GIFT_NESTED_BRACE',
      'Found "{" inside an answer block; write \\{ for a literal brace.',
    );
    return null;
  }
  const extra = Math.max(text.indexOfSyntax('{', close), text.indexOfSyntax('}', close + 1));
  if (extra !== -1) {
    errors.add(
      text.lineAt(extra, line),
      'GIFT_MULTIPLE_ANSWER_BLOCKS',
      'A question may contain only one answer block; separate questions with a blank line.',
    );
    return null;
  }
  return { start: open, end: close };
}

type CommonFields = Omit<QuestionDraft, 'type'>;

function parseAnswers(
  answers: MarkedText,
  common: CommonFields,
  line: number,
  errors: ErrorCollector,
): ParsedGiftQuestion {
  if (answers.length === 0) {
    return { question: { ...common, type: 'essay' }, itemLines: {} };
  }
  if (answers.startsWithSyntax('#')) {
    const parsed = parseNumericalAnswers(answers.slice(1), line, errors);
    return {
      question: { ...common, type: 'numerical', numericalAnswers: parsed.items },
      itemLines: { numericalAnswers: parsed.lines, itemsDropped: parsed.dropped },
    };
  }
  if (answers.indexOfSyntax('~') !== -1) {
    const parsed = parseChoiceAnswers(answers, line, errors);
    return {
      question: {
        ...common,
        type: parsed.single ? 'single_choice' : 'multiple_choice',
        options: parsed.items,
      },
      itemLines: { options: parsed.lines, itemsDropped: parsed.dropped },
    };
  }
  if (answers.indexOfSyntax('=') !== -1 && answers.indexOfSyntax('->') !== -1) {
    const parsed = parseMatchingPairs(answers, line, errors);
    return {
      question: { ...common, type: 'matching', matchingPairs: parsed.items },
      itemLines: { matchingPairs: parsed.lines, itemsDropped: parsed.dropped },
    };
  }
  const trueFalse = parseTrueFalse(answers);
  if (trueFalse) {
    return { question: { ...common, ...trueFalse }, itemLines: {} };
  }
  const parsed = parseShortAnswers(answers, line, errors);
  return {
    question: {
      ...common,
      type: 'short_answer',
      acceptedAnswers: parsed.items,
      caseSensitive: false,
    },
    itemLines: { acceptedAnswers: parsed.lines, itemsDropped: parsed.dropped },
  };
}

/** `{T}`, `{FALSE#shown when wrong#shown when right}`. */
function parseTrueFalse(
  answers: MarkedText,
): Pick<QuestionDraft, 'type' | 'correctAnswer' | 'feedbackTrue' | 'feedbackFalse'> | null {
  const firstHash = answers.indexOfSyntax('#');
  const keyword = (firstHash === -1 ? answers : answers.slice(0, firstHash)).trim();
  if (!TRUE_FALSE.test(keyword.text)) {
    return null;
  }
  let wrongFeedback = '';
  let rightFeedback = '';
  if (firstHash !== -1) {
    const secondHash = answers.indexOfSyntax('#', firstHash + 1);
    if (secondHash === -1) {
      wrongFeedback = textWithoutFormatTag(answers.slice(firstHash + 1));
    } else {
      wrongFeedback = textWithoutFormatTag(answers.slice(firstHash + 1, secondHash));
      rightFeedback = textWithoutFormatTag(answers.slice(secondHash + 1));
    }
  }
  const correctAnswer = keyword.text.toUpperCase().startsWith('T');
  const feedbackTrue = correctAnswer ? rightFeedback : wrongFeedback;
  const feedbackFalse = correctAnswer ? wrongFeedback : rightFeedback;
  return {
    type: 'true_false',
    correctAnswer,
    ...(feedbackTrue === '' ? {} : { feedbackTrue }),
    ...(feedbackFalse === '' ? {} : { feedbackFalse }),
  };
}
