import { parseNumericResponse } from './numeric-response';
import {
  attemptOutcome,
  gradeAttempt,
  isPassing,
  ScorableOption,
  ScorableQuestion,
  scoreResponse,
} from './scoring';
import { matchesAcceptedAnswer } from './wildcard-match';

const options = (...fractions: number[]): ScorableOption[] =>
  fractions.map((fraction, index) => ({ id: `opt-${index}`, text: `Opsi ${index}`, fraction }));

const single: ScorableQuestion = { type: 'single_choice', options: options(1, 0, -0.5, 0.5) };
const multiple: ScorableQuestion = {
  type: 'multiple_choice',
  options: options(0.5, 0.5, -1, 0, 0.3333333, 0.3333333, 0.3333334),
};

describe('scoreResponse', () => {
  describe('single choice', () => {
    it.each([
      ['opt-0', 1],
      ['opt-1', 0],
      ['opt-3', 0.5],
      ['opt-2', 0],
      ['unknown', 0],
    ])('scores option %s as %s (negative clamped to 0)', (optionId, fraction) => {
      expect(scoreResponse(single, { type: 'single_choice', optionId })).toEqual({
        fraction,
        needsManualGrading: false,
      });
    });

    it('scores an unanswered question as 0', () => {
      expect(scoreResponse(single, { type: 'single_choice', optionId: null }).fraction).toBe(0);
      expect(scoreResponse(single, null).fraction).toBe(0);
    });
  });

  describe('multiple choice', () => {
    const score = (...ids: string[]) =>
      scoreResponse(multiple, { type: 'multiple_choice', optionIds: ids }).fraction;

    it('sums the selected fractions for partial credit', () => {
      expect(score('opt-0')).toBe(0.5);
      expect(score('opt-0', 'opt-1')).toBe(1);
      expect(score('opt-0', 'opt-3')).toBe(0.5);
    });

    it('lets negative options cancel credit and floors the total at 0', () => {
      expect(score('opt-0', 'opt-1', 'opt-2')).toBe(0);
      expect(score('opt-2')).toBe(0);
      expect(score('opt-2', 'opt-0')).toBe(0);
    });

    it('caps at 1, removes float noise and ignores duplicate or unknown ids', () => {
      expect(score('opt-0', 'opt-1', 'opt-4')).toBe(1);
      expect(score('opt-4', 'opt-5', 'opt-6')).toBe(1);
      expect(score('opt-0', 'opt-0', 'opt-0', 'bogus')).toBe(0.5);
    });
  });

  it('scores true/false', () => {
    const question: ScorableQuestion = { type: 'true_false', correctAnswer: false };
    expect(scoreResponse(question, { type: 'true_false', answer: false }).fraction).toBe(1);
    expect(scoreResponse(question, { type: 'true_false', answer: true }).fraction).toBe(0);
    expect(scoreResponse(question, { type: 'true_false', answer: null }).fraction).toBe(0);
  });

  describe('short answer', () => {
    const question: ScorableQuestion = {
      type: 'short_answer',
      acceptedAnswers: [
        { text: 'Alat Pelindung Diri', fraction: 1 },
        { text: 'APD', fraction: 1 },
        { text: 'alat*diri', fraction: 0.5 },
        { text: 'helm (*)', fraction: 0.25 },
      ],
    };
    const score = (text: string, caseSensitive?: boolean) =>
      scoreResponse({ ...question, caseSensitive } as ScorableQuestion, {
        type: 'short_answer',
        text,
      }).fraction;

    it('matches case-insensitively by default and trims whitespace', () => {
      expect(score('  alat pelindung DIRI ')).toBe(1);
      expect(score('apd')).toBe(1);
    });

    it('respects caseSensitive', () => {
      expect(score('apd', true)).toBe(0);
      expect(score('APD', true)).toBe(1);
      expect(score('Alat Pelindung diri', true)).toBe(0);
    });

    it('takes the best matching answer and supports the * wildcard', () => {
      expect(score('alat pengaman diri')).toBe(0.5);
      expect(score('alatdiri')).toBe(0.5);
      expect(score('alat diri saya')).toBe(0);
      expect(score('helm (proyek)')).toBe(0.25);
    });

    it('treats regex characters literally and an empty answer as wrong', () => {
      expect(score('helm x')).toBe(0);
      expect(score('helm ()')).toBe(0.25);
      expect(score('')).toBe(0);
      expect(score('   ')).toBe(0);
    });
  });

  describe('numerical', () => {
    const question: ScorableQuestion = {
      type: 'numerical',
      numericalAnswers: [
        { value: 2.5, tolerance: 0, fraction: 1 },
        { value: 2.5, tolerance: 0.5, fraction: 0.5 },
        // The GIFT range 1.1..1.3, normalised with floating-point midpoint and half-width.
        { value: (1.1 + 1.3) / 2, tolerance: (1.3 - 1.1) / 2, fraction: 0.25 },
      ],
    };
    const score = (text: string) => scoreResponse(question, { type: 'numerical', text }).fraction;

    it('uses the best answer within tolerance', () => {
      expect(score('2.5')).toBe(1);
      expect(score('2.9')).toBe(0.5);
      expect(score('3')).toBe(0.5);
      expect(score('3.01')).toBe(0);
    });

    it('accepts the Indonesian decimal comma', () => {
      expect(score('2,5')).toBe(1);
      expect(score(' 2,75 ')).toBe(0.5);
    });

    it('includes both ends of a normalised range', () => {
      expect(score('1.1')).toBe(0.25);
      expect(score('1,3')).toBe(0.25);
      expect(score('1.2')).toBe(0.25);
      expect(score('1.31')).toBe(0);
    });

    it('scores text that is not a number as 0', () => {
      expect(score('dua koma lima')).toBe(0);
      expect(score('')).toBe(0);
    });
  });

  describe('matching', () => {
    const question: ScorableQuestion = {
      type: 'matching',
      matchingPairs: [
        { id: 'p1', prompt: 'Biru', answer: 'Wajib' },
        { id: 'p2', prompt: 'Merah', answer: 'Larangan' },
        { id: 'p3', prompt: 'Kuning', answer: 'Peringatan' },
        { id: 'p4', prompt: 'Hijau', answer: 'Informasi' },
        { id: 'd1', prompt: '', answer: 'Pengecoh' },
      ],
    };
    const score = (matches: [string, string][]) =>
      scoreResponse(question, {
        type: 'matching',
        matches: matches.map(([pairId, answer]) => ({ pairId, answer })),
      }).fraction;

    it('gives the share of correctly matched prompts, ignoring distractors', () => {
      expect(
        score([
          ['p1', 'Wajib'],
          ['p2', 'Larangan'],
          ['p3', 'Peringatan'],
          ['p4', 'Informasi'],
        ]),
      ).toBe(1);
      expect(
        score([
          ['p1', 'Wajib'],
          ['p2', 'Pengecoh'],
          ['p3', 'Peringatan'],
        ]),
      ).toBe(0.5);
      expect(score([['p1', 'Larangan']])).toBe(0);
    });

    it('uses the first answer for a prompt sent twice', () => {
      expect(
        score([
          ['p1', 'Larangan'],
          ['p1', 'Wajib'],
        ]),
      ).toBe(0);
    });
  });

  it('sends answered essays to manual grading', () => {
    const essay: ScorableQuestion = { type: 'essay' };
    expect(scoreResponse(essay, { type: 'essay', text: 'Eliminasi dulu.' })).toEqual({
      fraction: 0,
      needsManualGrading: true,
    });
    expect(scoreResponse(essay, { type: 'essay', text: '  ' })).toEqual({
      fraction: 0,
      needsManualGrading: false,
    });
  });

  it('scores a response of the wrong type as 0 instead of throwing', () => {
    expect(scoreResponse(single, { type: 'multiple_choice', optionIds: ['opt-0'] })).toEqual({
      fraction: 0,
      needsManualGrading: false,
    });
    expect(scoreResponse({ type: 'essay' }, { type: 'true_false', answer: true })).toEqual({
      fraction: 0,
      needsManualGrading: false,
    });
    expect(scoreResponse({ type: 'description' }, { type: 'essay', text: 'x' }).fraction).toBe(0);
  });
});

describe('matchesAcceptedAnswer', () => {
  it.each([
    ['a*c', 'abc', true],
    ['a*c', 'ac', true],
    ['a*c', 'abcd', false],
    ['*', 'anything', true],
    ['*b*', 'abc', true],
    ['a*b*a', 'aba', true],
    ['a*b*a', 'ab', false],
    ['ab*ba', 'aba', false],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['a.c', 'abc', false],
    ['(x)+[y]', '(x)+[y]', true],
    ['Kés', 'Ke\u0301s', true],
  ])('%j against %j is %s', (pattern, response, expected) => {
    expect(matchesAcceptedAnswer(pattern, response, true)).toBe(expected);
  });

  it('stays fast on patterns that would make a backtracking regex explode', () => {
    const started = Date.now();
    expect(matchesAcceptedAnswer('*a*a*a*a*a*a*a*a*b', 'a'.repeat(20_000), false)).toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('parseNumericResponse', () => {
  it.each([
    ['2.5', 2.5],
    ['2,5', 2.5],
    ['-0,75', -0.75],
    [',5', 0.5],
    ['1e3', 1000],
    ['1.234', 1.234],
    ['1,234', 1.234],
    ['1.234.567', 1234567],
    ['1.234,5', 1234.5],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    [' 12 ', 12],
  ])('reads %j as %s', (text, value) => {
    expect(parseNumericResponse(text)).toBe(value);
  });

  it.each(['', 'abc', '1,2,3.4.5', '1.2.3', '0x10', 'Infinity', '1e999', '2,5,', '1'.repeat(70)])(
    'rejects %j',
    (text) => {
      expect(parseNumericResponse(text)).toBeNaN();
    },
  );
});

describe('gradeAttempt', () => {
  it('returns integer hundredths of marks and percent', () => {
    expect(
      gradeAttempt([
        { maxMark: 1, fraction: 1 },
        { maxMark: 2, fraction: 0.5 },
        { maxMark: 1, fraction: 0 },
      ]),
    ).toEqual({
      itemMarks: [100, 100, 0],
      totalMarks: 200,
      maxMarks: 400,
      percent: 5000,
      ungradedItems: 0,
    });
  });

  it('rounds half up, without binary floating-point surprises', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point; as a decimal it is 100.5 -> 101.
    expect(gradeAttempt([{ maxMark: 1.005, fraction: 1 }]).itemMarks).toEqual([101]);
    expect(gradeAttempt([{ maxMark: 1, fraction: 0.125 }]).itemMarks).toEqual([13]);
    expect(gradeAttempt([{ maxMark: 1, fraction: 0.3333333 }]).itemMarks).toEqual([33]);
    // 2 of 3 equal items: 66.666...% -> 6667 hundredths.
    const twoOfThree = gradeAttempt([
      { maxMark: 1, fraction: 1 },
      { maxMark: 1, fraction: 1 },
      { maxMark: 1, fraction: 0 },
    ]);
    expect(twoOfThree.percent).toBe(6667);
    // 85.50 % exactly.
    expect(
      gradeAttempt([
        { maxMark: 10, fraction: 0.855 },
        { maxMark: 10, fraction: 0.855 },
      ]).percent,
    ).toBe(8550);
    // 0.5 hundredth of a percent rounds up: 1/8000 = 0.0125 % -> 1.
    expect(
      gradeAttempt([
        { maxMark: 0.01, fraction: 1 },
        { maxMark: 79.99, fraction: 0 },
      ]).percent,
    ).toBe(1);
  });

  it('counts ungraded essays as 0 until graded and clamps fractions', () => {
    expect(
      gradeAttempt([
        { maxMark: 5, fraction: null },
        { maxMark: 5, fraction: 1.7 },
        { maxMark: 5, fraction: -0.4 },
      ]),
    ).toEqual({
      itemMarks: [0, 500, 0],
      totalMarks: 500,
      maxMarks: 1500,
      percent: 3333,
      ungradedItems: 1,
    });
  });

  it('handles an empty attempt and rejects invalid marks', () => {
    expect(gradeAttempt([])).toEqual({
      itemMarks: [],
      totalMarks: 0,
      maxMarks: 0,
      percent: 0,
      ungradedItems: 0,
    });
    expect(() => gradeAttempt([{ maxMark: -1, fraction: 1 }])).toThrow(RangeError);
    expect(() => gradeAttempt([{ maxMark: Number.NaN, fraction: 1 }])).toThrow(RangeError);
  });
});

describe('attemptOutcome', () => {
  it('rounds the percentage half-up from integer marks', () => {
    expect(attemptOutcome(850, 1000, 0, 70).percent).toBe(8500);
    // 1/3 = 33.333...% -> 3333; 2/3 = 66.666...% -> 6667; 1/8 = 12.5% exactly
    expect(attemptOutcome(100, 300, 0, 70).percent).toBe(3333);
    expect(attemptOutcome(200, 300, 0, 70).percent).toBe(6667);
    expect(attemptOutcome(1, 800, 0, 0).percent).toBe(13);
  });

  it('scores an attempt without marks as 0 %', () => {
    expect(attemptOutcome(0, 0, 0, 70)).toEqual({ status: 'graded', percent: 0, passed: false });
    expect(attemptOutcome(0, 0, 0, 0)).toEqual({ status: 'graded', percent: 0, passed: true });
  });

  it('passes at exactly the passing percentage, not below', () => {
    expect(attemptOutcome(700, 1000, 0, 70)).toEqual({
      status: 'graded',
      percent: 7000,
      passed: true,
    });
    expect(attemptOutcome(6999, 10000, 0, 70).passed).toBe(false);
    expect(isPassing(7000, 70)).toBe(true);
  });

  it('leaves pass undecided while an item waits for manual grading', () => {
    expect(attemptOutcome(1000, 1000, 1, 70)).toEqual({
      status: 'needs_grading',
      percent: 10000,
      passed: null,
    });
  });

  it('agrees with gradeAttempt on the percentage', () => {
    const grade = gradeAttempt([
      { maxMark: 1, fraction: 1 },
      { maxMark: 2, fraction: 0.5 },
      { maxMark: 3, fraction: null },
    ]);
    const outcome = attemptOutcome(grade.totalMarks, grade.maxMarks, grade.ungradedItems, 50);
    expect(outcome).toEqual({ status: 'needs_grading', percent: grade.percent, passed: null });
  });
});
