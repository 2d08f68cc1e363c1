export {
  MAX_IMPORT_BYTES,
  QUESTION_TYPES,
  type ChoiceOption,
  type FormatError,
  type MatchingPair,
  type NumericalAnswer,
  type ParseResult,
  type QuestionDraft,
  type QuestionFormat,
  type QuestionType,
  type TextFormat,
} from './model';
export { parseGift } from './gift/parse';
export { writeGift } from './gift/write';
export { parseAiken } from './aiken/parse';
export { parseMoodleXml } from './moodle-xml/parse';
export { writeMoodleXml } from './moodle-xml/write';
export { parseQuestions } from './parse-questions';
export { validateQuestion } from './validate';
export { ErrorCollector } from './errors';
