import { isDeepStrictEqual } from 'node:util';
import { parseAiken } from '../aiken/parse';
import { parseGift } from '../gift/parse';
import { writeGift } from '../gift/write';
import { ParseResult, QUESTION_TYPES, QuestionDraft } from '../model';
import { parseMoodleXml } from '../moodle-xml/parse';
import { writeMoodleXml } from '../moodle-xml/write';
import { FuzzFormat, fuzzInput } from './fuzz-inputs';

export type FuzzMessage =
  { kind: 'start'; index: number } | { kind: 'done'; cases: number; failures: string[] };

export interface FuzzOptions {
  format: FuzzFormat | 'hang-self-test';
  seed: number;
  cases: number;
}

const PARSERS: Record<FuzzFormat, (input: string) => ParseResult> = {
  gift: parseGift,
  aiken: parseAiken,
  moodlexml: parseMoodleXml,
};

const WRITERS: Partial<Record<FuzzFormat, (questions: QuestionDraft[]) => string>> = {
  gift: writeGift,
  moodlexml: writeMoodleXml,
};

/** Runs inside a worker thread; `send` posts to the test, which watches for hangs. */
export function runFuzzCases(options: FuzzOptions, send: (message: FuzzMessage) => void): void {
  const failures: string[] = [];
  for (let index = 0; index < options.cases; index++) {
    send({ kind: 'start', index });
    if (options.format === 'hang-self-test') {
      while (index === 3) {
        // Deliberate endless loop: proves that the test detects a hanging case.
      }
      continue;
    }
    const problem = checkCase(options.format, fuzzInput(options.format, options.seed, index));
    if (problem !== null && failures.length < 20) {
      failures.push(`case ${index}: ${problem}`);
    }
  }
  send({ kind: 'done', cases: options.cases, failures });
}

function checkCase(format: FuzzFormat, input: string): string | null {
  let result: ParseResult;
  try {
    result = PARSERS[format](input);
  } catch (error) {
    return `threw ${String(error)}`;
  }
  const shapeProblem = describeShapeProblem(result);
  if (shapeProblem !== null) {
    return shapeProblem;
  }
  const write = WRITERS[format];
  if (write && result.errors.length === 0 && result.questions.length > 0) {
    const reparsed = PARSERS[format](write(result.questions));
    if (
      reparsed.errors.length > 0 ||
      !isDeepStrictEqual(withoutLines(reparsed.questions), withoutLines(result.questions))
    ) {
      return `round trip changed the questions: ${JSON.stringify(reparsed.errors).slice(0, 300)}`;
    }
  }
  return null;
}

function describeShapeProblem(result: ParseResult): string | null {
  if (!result || !Array.isArray(result.questions) || !Array.isArray(result.errors)) {
    return 'result is not { questions: [], errors: [] }';
  }
  for (const error of result.errors) {
    if (!Number.isInteger(error.line) || error.line < 1) {
      return `error line ${error.line} is not a positive integer`;
    }
    if (typeof error.message !== 'string' || error.message.trim() === '') {
      return 'error message is empty';
    }
    if (!/^[A-Z][A-Z0-9_]*$/.test(error.code) || error.code === 'INTERNAL_PARSER_ERROR') {
      return `bad error code ${error.code}: ${error.message}`;
    }
  }
  for (const question of result.questions) {
    if (!QUESTION_TYPES.includes(question.type) || typeof question.text !== 'string') {
      return `malformed question ${JSON.stringify(question).slice(0, 200)}`;
    }
    if (!Number.isInteger(question.line) || question.line < 1 || !Array.isArray(question.tags)) {
      return `question line/tags malformed: ${JSON.stringify(question).slice(0, 200)}`;
    }
  }
  return null;
}

function withoutLines(questions: QuestionDraft[]) {
  return questions.map(({ line: _line, ...rest }) => rest);
}
