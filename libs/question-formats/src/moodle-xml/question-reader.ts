import { ErrorCollector } from '../errors';
import { ChoiceOption, defaultMarkFor, QuestionDraft, QuestionType } from '../model';
import { parseStrictNumber, percentToFraction } from '../numbers';
import { ItemLines } from '../validate';
import { textFormatFromMoodle } from './formats';
import { LineIndex } from './line-index';
import {
  asArray,
  attribute,
  childValue,
  first,
  isElement,
  leafText,
  nestedText,
  startOffset,
  XmlElement,
  XmlValue,
} from './xml-node';

const MOODLE_TYPES: Record<string, QuestionType | undefined> = {
  multichoice: undefined, // single or multiple, decided by <single>
  truefalse: 'true_false',
  shortanswer: 'short_answer',
  numerical: 'numerical',
  matching: 'matching',
  essay: 'essay',
  description: 'description',
};

export const SUPPORTED_MOODLE_TYPES = Object.keys(MOODLE_TYPES);

export interface ReadContext {
  category?: string;
  lines: LineIndex;
  errors: ErrorCollector;
}

export interface ReadQuestion {
  question: QuestionDraft;
  itemLines: ItemLines;
}

interface AnswerRead {
  option: ChoiceOption;
  element: XmlValue;
  line: number;
}

export function readQuestion(
  element: XmlElement,
  moodleType: string,
  line: number,
  context: ReadContext,
): ReadQuestion {
  const { errors } = context;
  const formatName = attribute(element.questiontext, 'format') ?? 'html';
  const textFormat = textFormatFromMoodle(formatName);
  if (textFormat === undefined) {
    errors.add(
      line,
      'XML_UNKNOWN_TEXT_FORMAT',
      `Unknown question text format "${formatName.slice(0, 30)}"; use html, markdown, plain_text or moodle_auto_format.`,
    );
  }
  const single = moodleType === 'multichoice' ? readSingle(element, line, errors) : true;
  const type: QuestionType =
    MOODLE_TYPES[moodleType] ?? (single ? 'single_choice' : 'multiple_choice');
  const title = nestedText(element, 'name');
  const generalFeedback = nestedText(element, 'generalfeedback');
  const grade = childValue(element, 'defaultgrade');
  const base: QuestionDraft = {
    type,
    ...(title ? { title } : {}),
    text: nestedText(element, 'questiontext') ?? '',
    textFormat: textFormat ?? 'html',
    ...(generalFeedback ? { generalFeedback } : {}),
    defaultMark:
      grade === undefined || grade === '' ? defaultMarkFor(type) : parseStrictNumber(grade),
    ...(context.category === undefined ? {} : { category: context.category }),
    tags: readTags(element),
    line,
  };

  switch (type) {
    case 'single_choice':
    case 'multiple_choice': {
      const answers = readAnswers(element, context, line);
      return {
        question: { ...base, options: answers.map((answer) => answer.option) },
        itemLines: { options: answers.map((answer) => answer.line) },
      };
    }
    case 'true_false':
      return { question: { ...base, ...readTrueFalse(element, context, line) }, itemLines: {} };
    case 'short_answer': {
      const answers = readAnswers(element, context, line);
      return {
        question: {
          ...base,
          acceptedAnswers: answers.map((answer) => answer.option),
          caseSensitive: readBoolean(
            childValue(element, 'usecase'),
            false,
            line,
            'usecase',
            errors,
          ),
        },
        itemLines: { acceptedAnswers: answers.map((answer) => answer.line) },
      };
    }
    case 'numerical':
      return readNumerical(element, base, context);
    case 'matching':
      return readMatching(element, base, context);
    case 'essay':
    case 'description':
      return { question: base, itemLines: {} };
  }
}

function readSingle(element: XmlElement, line: number, errors: ErrorCollector): boolean {
  return readBoolean(childValue(element, 'single'), true, line, 'single', errors);
}

function readBoolean(
  raw: string | undefined,
  fallback: boolean,
  line: number,
  name: string,
  errors: ErrorCollector,
): boolean {
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const normalised = raw.toLowerCase();
  if (normalised === 'true' || normalised === '1') {
    return true;
  }
  if (normalised === 'false' || normalised === '0') {
    return false;
  }
  errors.add(line, 'XML_INVALID_BOOLEAN', `<${name}> must be true, false, 1 or 0.`);
  return fallback;
}

function readTags(element: XmlElement): string[] {
  const tags = first(element.tags);
  if (!isElement(tags)) {
    return [];
  }
  return asArray(tags.tag)
    .map((tag) => nestedTextOfTag(tag))
    .filter((tag): tag is string => tag !== undefined && tag !== '');
}

function nestedTextOfTag(tag: XmlValue): string | undefined {
  if (typeof tag === 'string') {
    return tag.trim();
  }
  return isElement(tag) ? leafText(tag.text) : undefined;
}

function readAnswers(element: XmlElement, context: ReadContext, line: number): AnswerRead[] {
  return asArray(element.answer).map((answer) => {
    const answerLine = context.lines.lineOf(startOffset(answer), line);
    const feedback = nestedText(answer, 'feedback');
    const option: ChoiceOption = {
      text: answerText(answer),
      fraction: readFraction(answer, answerLine, context.errors),
      ...(feedback ? { feedback } : {}),
    };
    return { option, element: answer, line: answerLine };
  });
}

function answerText(answer: XmlValue): string {
  const element = first(answer);
  if (typeof element === 'string') {
    return element.trim();
  }
  return isElement(element) ? (leafText(element.text) ?? '') : '';
}

function readFraction(answer: XmlValue, line: number, errors: ErrorCollector): number {
  const raw = attribute(answer, 'fraction');
  if (raw === undefined || raw.trim() === '') {
    return 0;
  }
  const fraction = percentToFraction(raw);
  if (Number.isNaN(fraction)) {
    errors.add(
      line,
      'XML_INVALID_FRACTION',
      `Answer fraction "${raw.slice(0, 20)}" must be a percentage number such as 100, 50 or -25.`,
    );
  }
  return fraction;
}

function readTrueFalse(
  element: XmlElement,
  context: ReadContext,
  line: number,
): Pick<QuestionDraft, 'correctAnswer' | 'feedbackTrue' | 'feedbackFalse'> {
  const answers = readAnswers(element, context, line);
  const byValue = new Map<string, AnswerRead>();
  for (const answer of answers) {
    byValue.set(answer.option.text.toLowerCase(), answer);
  }
  const trueAnswer = byValue.get('true');
  const falseAnswer = byValue.get('false');
  if (answers.length !== 2 || !trueAnswer || !falseAnswer) {
    context.errors.add(
      line,
      'XML_TRUE_FALSE_ANSWERS',
      'A truefalse question needs exactly two answers with the texts "true" and "false".',
    );
    return {};
  }
  const feedback = {
    ...(trueAnswer.option.feedback ? { feedbackTrue: trueAnswer.option.feedback } : {}),
    ...(falseAnswer.option.feedback ? { feedbackFalse: falseAnswer.option.feedback } : {}),
  };
  if (trueAnswer.option.fraction === 1 && falseAnswer.option.fraction !== 1) {
    return { correctAnswer: true, ...feedback };
  }
  if (falseAnswer.option.fraction === 1 && trueAnswer.option.fraction !== 1) {
    return { correctAnswer: false, ...feedback };
  }
  return feedback;
}

function readNumerical(
  element: XmlElement,
  base: QuestionDraft,
  context: ReadContext,
): ReadQuestion {
  const answers: NonNullable<QuestionDraft['numericalAnswers']> = [];
  const lines: number[] = [];
  for (const answer of readAnswers(element, context, base.line)) {
    const { text, fraction, feedback } = answer.option;
    if (text === '*') {
      if (feedback) {
        context.errors.add(
          answer.line,
          'XML_NUMERICAL_CATCH_ALL_UNSUPPORTED',
          'The catch-all "*" numerical answer with feedback is not supported; remove it.',
        );
      }
      continue;
    }
    const value = parseStrictNumber(text);
    const toleranceText = childValue(answer.element, 'tolerance');
    const tolerance =
      toleranceText === undefined || toleranceText === '' ? 0 : parseStrictNumber(toleranceText);
    if (Number.isNaN(value) || Number.isNaN(tolerance)) {
      context.errors.add(
        answer.line,
        'XML_INVALID_NUMBER',
        `Numerical answer "${text.slice(0, 30)}" with tolerance "${(toleranceText ?? '0').slice(0, 30)}" is not a number.`,
      );
    }
    answers.push({ value, tolerance, fraction, ...(feedback ? { feedback } : {}) });
    lines.push(answer.line);
  }
  return {
    question: { ...base, numericalAnswers: answers },
    itemLines: { numericalAnswers: lines },
  };
}

function readMatching(
  element: XmlElement,
  base: QuestionDraft,
  context: ReadContext,
): ReadQuestion {
  const pairs: NonNullable<QuestionDraft['matchingPairs']> = [];
  const lines: number[] = [];
  for (const subquestion of asArray(element.subquestion)) {
    const prompt = isElement(subquestion) ? (leafText(subquestion.text) ?? '') : '';
    const answer = nestedText(subquestion, 'answer') ?? '';
    pairs.push({ prompt, answer });
    lines.push(context.lines.lineOf(startOffset(subquestion), base.line));
  }
  return { question: { ...base, matchingPairs: pairs }, itemLines: { matchingPairs: lines } };
}
