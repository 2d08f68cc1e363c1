import { parseGift } from './gift/parse';
import { writeGift } from './gift/write';
import { QUESTION_TYPES, QuestionDraft } from './model';
import { parseMoodleXml } from './moodle-xml/parse';
import { writeMoodleXml } from './moodle-xml/write';
import { Random } from './testing/prng';
import { randomDraft } from './testing/random-drafts';
import { GIFT_SAMPLE, MOODLE_XML_SAMPLE } from './testing/samples';

type Codec = {
  name: string;
  parse: typeof parseGift;
  write: (questions: QuestionDraft[]) => string;
  forGift: boolean;
};

const CODECS: Codec[] = [
  { name: 'GIFT', parse: parseGift, write: writeGift, forGift: true },
  { name: 'Moodle XML', parse: parseMoodleXml, write: writeMoodleXml, forGift: false },
];

function withoutLines(questions: QuestionDraft[]): Omit<QuestionDraft, 'line'>[] {
  return questions.map(({ line: _line, ...rest }) => rest);
}

function expectRoundTrip(codec: Codec, questions: QuestionDraft[]): void {
  const written = codec.write(questions);
  const reparsed = codec.parse(written);
  expect(reparsed.errors).toEqual([]);
  expect(withoutLines(reparsed.questions)).toStrictEqual(withoutLines(questions));
}

const NASTY = 'Tanda ~ = # { } : \\ -> %50% [html] // #### _____ * \\n & < > ]]> "\'';
const UNICODE = 'Keselamatan & Kesehatan Kerja — Ñ é 安全 😀 °C';

/** One hand-written draft per type, every text full of syntax characters. */
function nastyDrafts(forGift: boolean): QuestionDraft[] {
  const base = {
    textFormat: 'html' as const,
    defaultMark: forGift ? 1 : 2.5,
    tags: ['APD', 'K3 [dasar]', UNICODE],
    line: 1,
  };
  const text = `${UNICODE}\nBaris dua: ${NASTY}\n\n  Baris empat menjorok`;
  return [
    {
      ...base,
      type: 'single_choice',
      title: `Judul ${NASTY}`,
      text,
      category: 'K3 Umum/APD',
      generalFeedback: `Umpan ${NASTY}`,
      options: [
        { text: `Benar ${NASTY}`, fraction: 1, feedback: `Ya ${NASTY}` },
        { text: '%awal persen', fraction: 0 },
        { text: '[html]tag di depan', fraction: -0.3333333, feedback: '[plain]juga' },
        { text: '=sama', fraction: 0.5 },
      ],
    },
    {
      ...base,
      type: 'multiple_choice',
      text: `// bukan komentar ${NASTY}`,
      category: 'K3 Umum/APD',
      options: [
        { text: `~${NASTY}`, fraction: 0.5 },
        { text: '%50%', fraction: 0.5 },
        { text: 'Ponsel', fraction: -1, feedback: UNICODE },
      ],
    },
    {
      ...base,
      type: 'true_false',
      text: `$CATEGORY: bukan kategori ${NASTY}`,
      category: 'K3 Listrik',
      correctAnswer: false,
      feedbackTrue: `Salah ${NASTY}`,
      feedbackFalse: `#Benar ${NASTY}`,
    },
    {
      ...base,
      type: 'true_false',
      text: '::bukan judul',
      correctAnswer: true,
      feedbackTrue: 'Hanya umpan benar',
    },
    {
      ...base,
      type: 'short_answer',
      textFormat: 'markdown',
      text: `**Isian** ${NASTY}`,
      acceptedAnswers: [
        { text: 'T', fraction: 1 },
        { text: `a -> b ${NASTY}`, fraction: 0.5, feedback: `x -> y ${NASTY}` },
        { text: '%persen*', fraction: 0.1 },
      ],
      caseSensitive: false,
    },
    {
      ...base,
      type: 'numerical',
      textFormat: 'plain',
      text: `Berapa ${NASTY}?`,
      numericalAnswers: [
        { value: -1.5, tolerance: 0.25, fraction: 1, feedback: `Tepat ${NASTY}` },
        { value: 1.2000000000000002, tolerance: 0.09999999999999998, fraction: 0.5 },
        { value: 3e-8, tolerance: 0, fraction: 0.3333333 },
      ],
    },
    {
      ...base,
      type: 'matching',
      textFormat: 'moodle',
      text: `Cocokkan ${NASTY}`,
      matchingPairs: [
        { prompt: `a -> b ${NASTY}`, answer: `c -> d ${NASTY}` },
        { prompt: '[html]kiri', answer: '[html]kanan' },
        { prompt: '', answer: 'Pengecoh' },
      ],
    },
    { ...base, type: 'essay', text: `Jelaskan ${NASTY}`, generalFeedback: `[moodle]x ${NASTY}` },
    { ...base, type: 'essay', text: 'Tanpa umpan' },
    {
      ...base,
      type: 'description',
      text: `Bagian ${NASTY}`,
      defaultMark: 0,
      ...(forGift ? {} : { generalFeedback: 'Deskripsi dengan umpan' }),
    },
  ];
}

describe.each(CODECS)('$name round trip', (codec) => {
  it('parse(write(drafts)) returns drafts full of syntax characters, Unicode and newlines', () => {
    const drafts = nastyDrafts(codec.forGift);
    expect(new Set(drafts.map((draft) => draft.type))).toEqual(new Set(QUESTION_TYPES));
    expectRoundTrip(codec, drafts);
  });

  it.each(QUESTION_TYPES)('round-trips a lone %s question', (type) => {
    const draft = nastyDrafts(codec.forGift).find((candidate) => candidate.type === type);
    expectRoundTrip(codec, [draft as QuestionDraft]);
  });

  it('round-trips 400 random valid drafts of every type', () => {
    const random = new Random(20240611);
    const drafts = Array.from({ length: 400 }, (_, index) =>
      randomDraft(random, QUESTION_TYPES[index % QUESTION_TYPES.length], codec.forGift),
    );
    for (let start = 0; start < drafts.length; start += 20) {
      expectRoundTrip(codec, drafts.slice(start, start + 20));
    }
  });

  it('switches back to "no category" after a categorised question', () => {
    const [first, second] = nastyDrafts(codec.forGift);
    const { category: _category, ...uncategorised } = second;
    expectRoundTrip(codec, [first, uncategorised]);
  });
});

describe('round trip of the sample files', () => {
  it('GIFT: parse(writeGift(parse(x))) equals parse(x)', () => {
    const parsed = parseGift(GIFT_SAMPLE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.questions).toHaveLength(14);
    expectRoundTrip(CODECS[0], parsed.questions);
  });

  it('Moodle XML: parse(writeMoodleXml(parse(x))) equals parse(x)', () => {
    const parsed = parseMoodleXml(MOODLE_XML_SAMPLE);
    expect(parsed.errors).toEqual([]);
    expect(parsed.questions).toHaveLength(8);
    expectRoundTrip(CODECS[1], parsed.questions);
  });

  it('GIFT questions survive a trip through Moodle XML unchanged', () => {
    const parsed = parseGift(GIFT_SAMPLE);
    const viaXml = parseMoodleXml(writeMoodleXml(parsed.questions));
    expect(viaXml.errors).toEqual([]);
    expect(withoutLines(viaXml.questions)).toStrictEqual(withoutLines(parsed.questions));
  });
});
