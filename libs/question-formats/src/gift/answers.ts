import { ErrorCollector } from '../errors';
import { ChoiceOption, MatchingPair, NumericalAnswer } from '../model';
import { parseStrictNumber, percentToFraction } from '../numbers';
import { textWithoutFormatTag } from './format-tag';
import { MarkedText } from './marked-text';

const WEIGHT_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

export interface AnswerItem {
  /** `~`, `=` or '' for text written before the first prefix. */
  prefix: string;
  body: MarkedText;
  line: number;
}

export interface Located<T> {
  items: T[];
  lines: number[];
  /** True when an answer could not be read (and was reported). */
  dropped: boolean;
}

/** Splits an answer block before every unescaped prefix character. */
export function splitAnswerItems(section: MarkedText, prefixes: string, fallbackLine: number) {
  return section.splitBefore(prefixes).flatMap((part): AnswerItem[] => {
    const prefix = part.length > 0 && prefixes.includes(part.text[0]) ? part.text[0] : '';
    if (prefix === '' && part.trim().length === 0) {
      return [];
    }
    const line = prefix === '' ? part.firstLine(fallbackLine) : part.lineAt(0, fallbackLine);
    return [{ prefix, body: part.slice(prefix.length).trim(), line }];
  });
}

/** Reads an optional `%50%` weight at the start of an answer. */
export function readWeight(
  body: MarkedText,
  defaultFraction: number,
  line: number,
  errors: ErrorCollector,
): { fraction: number; rest: MarkedText } {
  if (!body.startsWithSyntax('%')) {
    return { fraction: defaultFraction, rest: body };
  }
  const closing = body.indexOfSyntax('%', 1);
  const raw = closing === -1 ? body.text : body.text.slice(1, closing);
  if (closing === -1 || !WEIGHT_NUMBER.test(raw.trim())) {
    const shown = closing === -1 ? raw.slice(0, 20) : `%${raw.slice(0, 20)}%`;
    errors.add(
      line,
      'GIFT_INVALID_WEIGHT',
      `Invalid answer weight "${shown}": expected a percentage such as %50% or %-25%.`,
    );
    const rest = closing === -1 ? body.slice(1) : body.slice(closing + 1);
    return { fraction: Number.NaN, rest: rest.trim() };
  }
  return { fraction: percentToFraction(raw.trim()), rest: body.slice(closing + 1).trim() };
}

export function splitFeedback(body: MarkedText): { text: MarkedText; feedback?: string } {
  const hash = body.indexOfSyntax('#');
  if (hash === -1) {
    return { text: body.trim() };
  }
  const feedback = textWithoutFormatTag(body.slice(hash + 1));
  return { text: body.slice(0, hash).trim(), ...(feedback === '' ? {} : { feedback }) };
}

export function reportUnprefixed(item: AnswerItem, errors: ErrorCollector, expected: string): void {
  errors.add(
    item.line,
    'GIFT_ANSWER_WITHOUT_PREFIX',
    `Answer "${item.body.text.slice(0, 40)}" must start with ${expected}.`,
  );
}

export function parseChoiceAnswers(
  section: MarkedText,
  questionLine: number,
  errors: ErrorCollector,
): Located<ChoiceOption> & { single: boolean } {
  const items = splitAnswerItems(section, '~=', questionLine);
  const options: ChoiceOption[] = [];
  const lines: number[] = [];
  let dropped = false;
  for (const item of items) {
    if (item.prefix === '') {
      reportUnprefixed(item, errors, '"=" (correct) or "~" (wrong)');
      dropped = true;
      continue;
    }
    const weighted = readWeight(item.body, item.prefix === '=' ? 1 : 0, item.line, errors);
    options.push(toChoiceOption(weighted.rest, weighted.fraction));
    lines.push(item.line);
  }
  return { items: options, lines, dropped, single: items.some((item) => item.prefix === '=') };
}

export function parseShortAnswers(
  section: MarkedText,
  questionLine: number,
  errors: ErrorCollector,
): Located<ChoiceOption> {
  const options: ChoiceOption[] = [];
  const lines: number[] = [];
  let dropped = false;
  for (const item of splitAnswerItems(section, '=', questionLine)) {
    if (item.prefix === '') {
      reportUnprefixed(item, errors, '"="');
      dropped = true;
      continue;
    }
    const weighted = readWeight(item.body, 1, item.line, errors);
    options.push(toChoiceOption(weighted.rest, weighted.fraction));
    lines.push(item.line);
  }
  return { items: options, lines, dropped };
}

function toChoiceOption(body: MarkedText, fraction: number): ChoiceOption {
  const { text, feedback } = splitFeedback(body);
  return { text: textWithoutFormatTag(text), fraction, ...(feedback ? { feedback } : {}) };
}

export function parseMatchingPairs(
  section: MarkedText,
  questionLine: number,
  errors: ErrorCollector,
): Located<MatchingPair> {
  const pairs: MatchingPair[] = [];
  const lines: number[] = [];
  let dropped = false;
  for (const item of splitAnswerItems(section, '=', questionLine)) {
    if (item.prefix === '') {
      reportUnprefixed(item, errors, '"="');
      dropped = true;
      continue;
    }
    const arrow = item.body.indexOfSyntax('->');
    if (arrow === -1) {
      dropped = true;
      errors.add(
        item.line,
        'GIFT_MATCHING_FORMAT',
        `Matching pair "${item.body.text.slice(0, 40)}" must look like "=prompt -> answer".`,
      );
      continue;
    }
    pairs.push({
      prompt: textWithoutFormatTag(item.body.slice(0, arrow)),
      answer: item.body.slice(arrow + 2).trim().text,
    });
    lines.push(item.line);
  }
  return { items: pairs, lines, dropped };
}

/** `section` is the text after the leading `#` of a numerical answer block. */
export function parseNumericalAnswers(
  section: MarkedText,
  questionLine: number,
  errors: ErrorCollector,
): Located<NumericalAnswer> {
  const catchAll = section.indexOfSyntax('~');
  if (catchAll !== -1) {
    const wrong = splitFeedback(section.slice(catchAll + 1).trim());
    if (wrong.feedback !== undefined || wrong.text.length > 0) {
      errors.add(
        section.lineAt(catchAll, questionLine),
        'GIFT_NUMERICAL_CATCH_ALL_UNSUPPORTED',
        'Catch-all feedback for wrong numerical answers ("~#...") is not supported; remove it.',
      );
    }
    section = section.slice(0, catchAll);
  }
  const answers: NumericalAnswer[] = [];
  const lines: number[] = [];
  for (const item of splitAnswerItems(section, '=', questionLine)) {
    const weighted = readWeight(item.body, 1, item.line, errors);
    const { text, feedback } = splitFeedback(weighted.rest);
    const range = readNumericRange(text, item.line, errors);
    answers.push({ ...range, fraction: weighted.fraction, ...(feedback ? { feedback } : {}) });
    lines.push(item.line);
  }
  return { items: answers, lines, dropped: false };
}

function readNumericRange(
  text: MarkedText,
  line: number,
  errors: ErrorCollector,
): { value: number; tolerance: number } {
  const rangeMarker = text.indexOfSyntax('..');
  const colon = text.indexOfSyntax(':');
  let value: number;
  let tolerance: number;
  if (rangeMarker > 0) {
    const min = parseStrictNumber(text.text.slice(0, rangeMarker));
    const max = parseStrictNumber(text.text.slice(rangeMarker + 2));
    value = (min + max) / 2;
    tolerance = (max - min) / 2;
  } else if (colon > 0) {
    value = parseStrictNumber(text.text.slice(0, colon));
    tolerance = parseStrictNumber(text.text.slice(colon + 1));
  } else {
    value = parseStrictNumber(text.text);
    tolerance = 0;
  }
  if (!Number.isFinite(value) || !Number.isFinite(tolerance)) {
    errors.add(
      line,
      'GIFT_INVALID_NUMBER',
      `Numerical answer "${text.text.slice(0, 40)}" must be a number, number:tolerance or min..max.`,
    );
    return { value: Number.NaN, tolerance: Number.NaN };
  }
  return { value, tolerance };
}
