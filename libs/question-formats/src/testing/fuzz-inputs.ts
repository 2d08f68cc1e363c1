import { writeGift } from '../gift/write';
import { QUESTION_TYPES } from '../model';
import { writeMoodleXml } from '../moodle-xml/write';
import { caseSeed, Random } from './prng';
import { randomDraft } from './random-drafts';
import { AIKEN_SAMPLE, GIFT_SAMPLE, MOODLE_XML_SAMPLE } from './samples';

export type FuzzFormat = 'gift' | 'aiken' | 'moodlexml';

const SPECIAL: Record<FuzzFormat, string[]> = {
  gift: [
    '{',
    '}',
    '~',
    '=',
    '#',
    ':',
    '%',
    '\\',
    '-',
    '>',
    '->',
    '::',
    '####',
    '\n',
    '\n\n',
    '//',
    '[html]',
    '$CATEGORY:',
    '..',
    '[tag:',
  ],
  aiken: ['A.', 'B)', 'ANSWER:', 'ANSWER: ', '\n', '\n\n', ' ', '.', ')', 'Z', '\u2028'],
  moodlexml: [
    '<',
    '>',
    '/',
    '!',
    '[',
    ']',
    '&',
    ';',
    '"',
    "'",
    '=',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<question type="truefalse">',
    '</question>',
    '<text>',
    '</text>',
    '&amp;',
    '&#',
    '<!DOCTYPE',
    '<!ENTITY',
  ],
};

const ODD_CHARS = [
  '\u0000',
  '\r',
  '\u2028',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '😀',
  '安',
  'é',
  '\t',
  '\u00A0',
];

const ADVERSARIAL_TOKENS: Record<FuzzFormat, string[]> = {
  gift: [
    '{',
    '}',
    '\\',
    '\\{',
    '::',
    '~%',
    '%',
    '#',
    '####',
    '->',
    '=',
    '// [tag:\\',
    '~',
    '{#',
    '..',
    '\n',
  ],
  aiken: ['A. x\n', 'ANSWER: A\n', 'ANSWER' + ' ', 'Soal\n', ' ', 'A.', '\u2028 '],
  moodlexml: [
    '<a>',
    '<![CDATA[',
    '<!--',
    '&amp;',
    '&#',
    '<',
    '"',
    '<question>',
    '<quiz>',
    ' x="1"',
    ']]>',
  ],
};

function corpus(format: FuzzFormat, random: Random): string {
  switch (format) {
    case 'gift': {
      const blocks = GIFT_SAMPLE.split('\n\n');
      return random.chance(0.5) ? GIFT_SAMPLE : random.pick(blocks);
    }
    case 'aiken':
      return AIKEN_SAMPLE;
    case 'moodlexml':
      return MOODLE_XML_SAMPLE;
  }
}

function generated(format: FuzzFormat, random: Random): string {
  const drafts = Array.from({ length: random.between(1, 4) }, () =>
    randomDraft(random, random.pick(QUESTION_TYPES), format === 'gift'),
  );
  if (format === 'gift') {
    return writeGift(drafts);
  }
  if (format === 'moodlexml') {
    return writeMoodleXml(drafts);
  }
  return drafts
    .map((draft, index) => `${draft.text}\nA. satu\nB) dua\nANSWER: ${'AB'[index % 2]}`)
    .join('\n\n');
}

function mutate(input: string, format: FuzzFormat, random: Random): string {
  let text = input;
  const mutations = random.between(1, 6);
  for (let i = 0; i < mutations; i++) {
    const position = random.int(text.length + 1);
    const length = random.between(1, 20);
    switch (random.int(7)) {
      case 0:
        text = text.slice(0, position) + text.slice(position + length);
        break;
      case 1:
        text =
          text.slice(0, position + length) +
          text.slice(position, position + length) +
          text.slice(position + length);
        break;
      case 2:
      case 3:
        text = text.slice(0, position) + random.pick(SPECIAL[format]) + text.slice(position);
        break;
      case 4:
        text = text.slice(0, position);
        break;
      case 5:
        text = text.slice(0, position) + random.pick(ODD_CHARS) + text.slice(position);
        break;
      default:
        text = text.slice(0, position) + random.pick(SPECIAL[format]) + text.slice(position + 1);
    }
  }
  return text;
}

function randomString(format: FuzzFormat, random: Random): string {
  const pieces = [...SPECIAL[format], ...ODD_CHARS, 'a', 'b', 'K3', ' ', '1', '5', '.'];
  let text = '';
  const count = random.between(0, 300);
  for (let i = 0; i < count; i++) {
    text += random.pick(pieces);
  }
  return text;
}

/** Long repetitions of syntax tokens: the inputs that expose quadratic or exponential paths. */
function adversarial(format: FuzzFormat, random: Random): string {
  const token = random.pick(ADVERSARIAL_TOKENS[format]);
  const repeated = token.repeat(Math.floor(random.between(1_000, 30_000) / token.length));
  switch (random.int(3)) {
    case 0:
      return repeated;
    case 1:
      return `${format === 'moodlexml' ? '<quiz>' : 'Soal '}${repeated}${format === 'gift' ? 'x\u2028' : ''}`;
    default:
      return mutate(repeated, format, random);
  }
}

/** Deterministic input number `index` of a fuzz run, so a failing case can be regenerated. */
export function fuzzInput(format: FuzzFormat, seed: number, index: number): string {
  const random = new Random(caseSeed(seed, index));
  const bucket = index % 20;
  if (bucket < 11) {
    return mutate(corpus(format, random), format, random);
  }
  if (bucket < 15) {
    return randomString(format, random);
  }
  if (bucket < 19) {
    return mutate(generated(format, random), format, random);
  }
  return adversarial(format, random);
}
