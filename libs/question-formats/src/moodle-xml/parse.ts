import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normaliseCategoryPath } from '../category-path';
import {
  ErrorCollector,
  internalError,
  normaliseLineEndings,
  rejectUnusableInput,
} from '../errors';
import { ParseResult, QuestionDraft } from '../model';
import { validateQuestion } from '../validate';
import { predefinedEntityDecoder } from './entity-decoder';
import { LineIndex } from './line-index';
import { readQuestion, ReadContext, SUPPORTED_MOODLE_TYPES } from './question-reader';
import { findDtdDeclaration } from './security';
import { withoutInvalidXmlChars } from './xml-chars';
import {
  asArray,
  attribute,
  isElement,
  nestedText,
  startOffset,
  UnexpectedMarkupError,
  XmlElement,
} from './xml-node';

const ARRAY_ELEMENTS = new Set(['question', 'answer', 'subquestion', 'tag']);

function createParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    entityDecoder: predefinedEntityDecoder,
    captureMetaData: true,
    maxNestedTags: 64,
    isArray: (name: string) => ARRAY_ELEMENTS.has(name),
  });
}

export function parseMoodleXml(input: string): ParseResult {
  const rejected = rejectUnusableInput(input);
  if (rejected) {
    return rejected;
  }
  try {
    return parseDocument(withoutInvalidXmlChars(normaliseLineEndings(input)));
  } catch (error) {
    return internalError(error);
  }
}

function parseDocument(xml: string): ParseResult {
  const lines = new LineIndex(xml);
  const errors = new ErrorCollector();
  const dtd = findDtdDeclaration(xml);
  if (dtd !== -1) {
    errors.add(
      lines.lineOf(dtd),
      'XML_DTD_FORBIDDEN',
      'DOCTYPE and ENTITY declarations are not allowed in question files.',
    );
    return { questions: [], errors: errors.sorted() };
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    errors.add(
      validation.err.line,
      'XML_MALFORMED',
      `The XML is not well-formed: ${validation.err.msg}`,
    );
    return { questions: [], errors: errors.sorted() };
  }
  let document: unknown;
  try {
    document = createParser().parse(xml);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    errors.add(1, 'XML_MALFORMED', `The XML could not be read: ${detail}`);
    return { questions: [], errors: errors.sorted() };
  }
  const quiz = isElement(document as XmlElement) ? (document as XmlElement).quiz : undefined;
  if (quiz === undefined) {
    errors.add(1, 'XML_NO_QUIZ_ROOT', 'The root element must be <quiz>.');
    return { questions: [], errors: errors.sorted() };
  }
  const questions = isElement(quiz) ? readQuestions(quiz, lines, errors) : [];
  return { questions, errors: errors.sorted() };
}

function readQuestions(quiz: XmlElement, lines: LineIndex, errors: ErrorCollector) {
  const questions: QuestionDraft[] = [];
  const context: ReadContext = { lines, errors };
  for (const element of asArray(quiz.question)) {
    const line = lines.lineOf(startOffset(element));
    if (!isElement(element)) {
      errors.add(line, 'XML_EMPTY_QUESTION', 'The <question> element is empty.');
      continue;
    }
    const type = attribute(element, 'type');
    if (type === 'category') {
      readCategory(element, line, context);
      continue;
    }
    if (type === undefined || !SUPPORTED_MOODLE_TYPES.includes(type)) {
      const shown = type === undefined ? 'missing' : `"${type.slice(0, 30)}"`;
      errors.add(
        line,
        'XML_UNSUPPORTED_TYPE',
        `Question type ${shown} is not supported; use one of ${SUPPORTED_MOODLE_TYPES.join(', ')}.`,
      );
      continue;
    }
    const errorsBefore = errors.count;
    try {
      const read = readQuestion(element, type, line, context);
      validateQuestion(read.question, errors, read.itemLines);
      if (errors.count === errorsBefore) {
        questions.push(read.question);
      }
    } catch (error) {
      if (!(error instanceof UnexpectedMarkupError)) {
        throw error;
      }
      errors.add(
        line,
        'XML_UNEXPECTED_MARKUP',
        'A <text> element contains XML elements; wrap HTML in <![CDATA[ ... ]]> or escape it.',
      );
    }
  }
  return questions;
}

function readCategory(element: XmlElement, line: number, context: ReadContext): void {
  try {
    context.category = normaliseCategoryPath(nestedText(element, 'category') ?? '');
  } catch (error) {
    if (!(error instanceof UnexpectedMarkupError)) {
      throw error;
    }
    context.errors.add(line, 'XML_UNEXPECTED_MARKUP', 'The category path contains XML elements.');
  }
}
