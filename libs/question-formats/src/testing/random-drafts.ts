import { ChoiceOption, QuestionDraft, QuestionType, TextFormat } from '../model';
import { Random } from './prng';

const PIECES = [
  'Keselamatan',
  'kerja',
  'APD',
  'alat',
  'pemadam',
  'api',
  'ringan',
  'kebakaran',
  'helm',
  '~',
  '=',
  '#',
  '{',
  '}',
  ':',
  '::',
  '\\',
  '\\n',
  '->',
  '-',
  '>',
  '%',
  '%50%',
  '[',
  ']',
  '[html]',
  '[plain]',
  '//',
  '####',
  '*',
  '_____',
  '<b>',
  '</b>',
  '&',
  '&amp;',
  ']]>',
  '<![CDATA[',
  '"',
  "'",
  '$CATEGORY:',
  'T',
  'TRUE',
  '\n',
  '\t',
  ' ',
  '  ',
  'é',
  'Ñ',
  '—',
  '安全',
  '😀',
  '°C',
  '..',
  '1.5',
];

const FORMATS: TextFormat[] = ['markdown', 'html', 'plain', 'moodle'];
const FRACTIONS = [0.5, 0.3333333, 0.25, 0.1, -0.25, -0.5, -1, 0];

/** Random text made of syntax-heavy pieces, already trimmed and never empty. */
export function randomText(random: Random, maxPieces = 8): string {
  const count = random.between(1, maxPieces);
  let text = '';
  for (let i = 0; i < count; i++) {
    text += random.pick(PIECES);
  }
  const trimmed = text.trim();
  return trimmed === '' ? 'x' : trimmed;
}

function maybeText(random: Random): string | undefined {
  return random.chance(0.5) ? randomText(random) : undefined;
}

function withOptional<T extends object>(value: T, key: string, text: string | undefined): T {
  return text === undefined ? value : { ...value, [key]: text };
}

function option(random: Random, fraction: number): ChoiceOption {
  return withOptional({ text: randomText(random), fraction }, 'feedback', maybeText(random));
}

/**
 * A random but valid draft: it passes validation, so parse(write(draft)) must give it back.
 * Fields that a format cannot carry are set to what that format's parser produces.
 */
export function randomDraft(random: Random, type: QuestionType, forGift: boolean): QuestionDraft {
  let draft: QuestionDraft = {
    type,
    text: randomText(random),
    textFormat: random.pick(FORMATS),
    defaultMark: type === 'description' ? 0 : forGift ? 1 : random.pick([1, 2, 0.5, 10]),
    tags: random.chance(0.3) ? [randomText(random, 2).replace(/\s+/g, ' ')] : [],
    line: 1,
  };
  draft = withOptional(draft, 'title', maybeText(random));
  draft = withOptional(draft, 'category', random.chance(0.3) ? 'K3/APD' : undefined);
  if (type !== 'description' || !forGift) {
    draft = withOptional(draft, 'generalFeedback', maybeText(random));
  }
  switch (type) {
    case 'single_choice': {
      const options = [option(random, 1), option(random, 0)];
      for (let i = random.int(3); i > 0; i--) {
        options.push(option(random, random.pick(FRACTIONS)));
      }
      return { ...draft, options };
    }
    case 'multiple_choice':
      return {
        ...draft,
        options: [option(random, 0.5), option(random, 0.5), option(random, random.pick([0, -1]))],
      };
    case 'true_false': {
      const withTrue = withOptional(
        { ...draft, correctAnswer: random.chance(0.5) },
        'feedbackTrue',
        maybeText(random),
      );
      return withOptional(withTrue, 'feedbackFalse', maybeText(random));
    }
    case 'short_answer':
      return {
        ...draft,
        acceptedAnswers: [option(random, 1), option(random, 0.5)],
        caseSensitive: forGift ? false : random.chance(0.5),
      };
    case 'numerical':
      return {
        ...draft,
        numericalAnswers: [
          withOptional(
            {
              value: random.between(-5000, 5000) / 100,
              tolerance: random.int(50) / 10,
              fraction: 1,
            },
            'feedback',
            maybeText(random),
          ),
          { value: random.float() * 1e-7, tolerance: 0, fraction: 0.5 },
        ],
      };
    case 'matching':
      return {
        ...draft,
        matchingPairs: [
          { prompt: randomText(random), answer: randomText(random) },
          { prompt: randomText(random), answer: randomText(random) },
          ...(random.chance(0.3) ? [{ prompt: '', answer: randomText(random) }] : []),
        ],
      };
    case 'essay':
    case 'description':
      return draft;
  }
}
