import {
  answeredAtFor,
  answerTimingRefusal,
  buildSnapshot,
  computeDeadline,
  isPassing,
  NotEnoughQuestionsError,
  offlineGraceEnd,
  quizGrade,
  quizWindowRefusal,
  reviewVisibility,
  seededRandom,
  selectQuestions,
  shuffle,
} from './attempt-rules';
import { NO_REVIEW } from './quiz-settings';

const at = (iso: string) => new Date(iso);

describe('computeDeadline', () => {
  const start = at('2026-01-01T08:00:00Z');
  it('is start + limit when the quiz closes later', () => {
    expect(computeDeadline(start, 1800, at('2026-01-01T10:00:00Z'))).toEqual(
      at('2026-01-01T08:30:00Z'),
    );
  });
  it('is the close time when that comes first', () => {
    expect(computeDeadline(start, 3600, at('2026-01-01T08:10:00Z'))).toEqual(
      at('2026-01-01T08:10:00Z'),
    );
  });
  it('uses whichever exists, and null when neither does', () => {
    expect(computeDeadline(start, 60, null)).toEqual(at('2026-01-01T08:01:00Z'));
    expect(computeDeadline(start, null, at('2026-01-02T00:00:00Z'))).toEqual(
      at('2026-01-02T00:00:00Z'),
    );
    expect(computeDeadline(start, null, null)).toBeNull();
  });
});

describe('quizWindowRefusal', () => {
  const open = at('2026-01-01T08:00:00Z');
  const close = at('2026-01-01T09:00:00Z');
  it('refuses before opening and from the close time on', () => {
    expect(quizWindowRefusal(at('2026-01-01T07:59:59Z'), open, close)).toBe('NOT_YET_OPEN');
    expect(quizWindowRefusal(at('2026-01-01T08:30:00Z'), open, close)).toBeNull();
    expect(quizWindowRefusal(close, open, close)).toBe('CLOSED');
    expect(quizWindowRefusal(close, null, null)).toBeNull();
  });
});

describe('seeded shuffle', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);
  it('is deterministic for a seed and a permutation of the input', () => {
    const a = shuffle(items, seededRandom(42));
    expect(shuffle(items, seededRandom(42))).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(a).not.toEqual(items);
  });
  it('differs between seeds', () => {
    expect(shuffle(items, seededRandom(1))).not.toEqual(shuffle(items, seededRandom(2)));
  });
  it('does not modify its input', () => {
    const copy = [...items];
    shuffle(copy, seededRandom(7));
    expect(copy).toEqual(items);
  });
});

describe('selectQuestions', () => {
  const pool = [
    ...Array.from({ length: 10 }, (_, i) => ({ questionId: `a${i}`, categoryId: 'A' })),
    ...Array.from({ length: 5 }, (_, i) => ({ questionId: `b${i}`, categoryId: 'B' })),
  ];
  it('keeps the fixed order and skips deleted questions', () => {
    const chosen = selectQuestions(
      { mode: 'fixed', questionIds: ['b1', 'gone', 'a3'] },
      pool,
      false,
      seededRandom(1),
    );
    expect(chosen.map((c) => c.questionId)).toEqual(['b1', 'a3']);
  });
  it('draws N per category without repeats, deterministically per seed', () => {
    const selection = {
      mode: 'random' as const,
      draws: [
        { categoryId: 'A', count: 4 },
        { categoryId: 'B', count: 2 },
      ],
    };
    const chosen = selectQuestions(selection, pool, false, seededRandom(9));
    expect(chosen.filter((c) => c.categoryId === 'A')).toHaveLength(4);
    expect(chosen.filter((c) => c.categoryId === 'B')).toHaveLength(2);
    expect(new Set(chosen.map((c) => c.questionId)).size).toBe(6);
    expect(selectQuestions(selection, [...pool].reverse(), false, seededRandom(9))).toEqual(chosen);
  });
  it('reports every category that is short', () => {
    expect(() =>
      selectQuestions(
        { mode: 'random', draws: [{ categoryId: 'B', count: 6 }] },
        pool,
        false,
        seededRandom(1),
      ),
    ).toThrow(NotEnoughQuestionsError);
  });
  it('shuffles questions only when asked', () => {
    const fixed = { mode: 'fixed' as const, questionIds: pool.map((p) => p.questionId) };
    expect(selectQuestions(fixed, pool, false, seededRandom(3))).toEqual(pool);
    expect(selectQuestions(fixed, pool, true, seededRandom(3))).not.toEqual(pool);
  });
});

describe('buildSnapshot', () => {
  const shown = [
    {
      questionId: 'q1',
      versionId: 'v1',
      type: 'single_choice',
      optionIds: ['x', 'y', 'z', 'w'],
      matchingAnswerCount: 0,
    },
    { questionId: 'q2', versionId: 'v2', type: 'matching', optionIds: [], matchingAnswerCount: 3 },
  ];
  it('keeps authored option order without answer shuffling', () => {
    const [choice] = buildSnapshot(shown, false, seededRandom(5));
    expect(choice).toEqual({ v: 'v1', q: 'q1', t: 'single_choice', o: ['x', 'y', 'z', 'w'] });
  });
  it('never leaves matching answers in prompt order', () => {
    for (let seed = 0; seed < 200; seed++) {
      const [, matching] = buildSnapshot(shown, false, seededRandom(seed));
      expect(matching.m).not.toEqual([0, 1, 2]);
      expect([...matching.m!].sort()).toEqual([0, 1, 2]);
    }
  });
  it('shuffles options deterministically with a seed', () => {
    const a = buildSnapshot(shown, true, seededRandom(11));
    expect(buildSnapshot(shown, true, seededRandom(11))).toEqual(a);
    expect([...a[0].o!].sort()).toEqual(['w', 'x', 'y', 'z']);
  });
});

describe('quizGrade', () => {
  const attempts = [
    { attemptNo: 1, percentHundredths: 9000, status: 'graded' },
    { attemptNo: 2, percentHundredths: 6000, status: 'graded' },
    { attemptNo: 3, percentHundredths: 10000, status: 'needs_grading' },
  ];
  it('highest picks the best graded attempt', () => {
    expect(quizGrade(attempts, 'highest')?.attemptNo).toBe(1);
  });
  it('last picks the latest graded attempt', () => {
    expect(quizGrade(attempts, 'last')?.attemptNo).toBe(2);
  });
  it('is null with nothing graded', () => {
    expect(quizGrade([attempts[2]], 'highest')).toBeNull();
  });
  it('passes at exactly the passing percentage', () => {
    expect(isPassing(7000, 70)).toBe(true);
    expect(isPassing(6999, 70)).toBe(false);
  });
});

describe('reviewVisibility', () => {
  const all = { score: true, responses: true, correctAnswers: true, feedback: true };
  const scoreOnly = { ...NO_REVIEW, score: true };
  const close = at('2026-01-01T09:00:00Z');
  it('shows nothing while the attempt is open, whatever the settings', () => {
    expect(reviewVisibility({ afterSubmit: all, afterClose: all }, 'open', close, close)).toEqual(
      NO_REVIEW,
    );
  });
  it('applies the after-submit options before the close time', () => {
    const review = { afterSubmit: scoreOnly, afterClose: all };
    expect(reviewVisibility(review, 'graded', at('2026-01-01T08:00:00Z'), close)).toEqual(
      scoreOnly,
    );
  });
  it('adds the after-close options once the quiz has closed', () => {
    const review = { afterSubmit: scoreOnly, afterClose: all };
    expect(reviewVisibility(review, 'graded', close, close)).toEqual(all);
    expect(reviewVisibility(review, 'graded', close, null)).toEqual(scoreOnly);
  });
});

describe('offline grace after the deadline', () => {
  const deadline = at('2026-12-02T10:00:00Z');
  const graceUntil = offlineGraceEnd(deadline, 120)!;
  const plus = (s: number) => new Date(deadline.getTime() + s * 1000);

  it('ends the grace a fixed time after the deadline, and has none without a deadline', () => {
    expect(graceUntil).toEqual(at('2026-12-02T10:02:00Z'));
    expect(offlineGraceEnd(null, 120)).toBeNull();
  });

  it('takes every answer before the deadline, and after it only one given in time, within the grace', () => {
    expect(answerTimingRefusal(plus(-1), deadline, graceUntil, null)).toBeNull();
    expect(answerTimingRefusal(plus(5), null, null, null)).toBeNull();
    expect(answerTimingRefusal(plus(5), deadline, graceUntil, plus(-3))).toBeNull();
    expect(answerTimingRefusal(plus(5), deadline, graceUntil, null)).toBe(
      'ATTEMPT_DEADLINE_PASSED',
    );
    expect(answerTimingRefusal(plus(5), deadline, graceUntil, plus(1))).toBe(
      'ATTEMPT_DEADLINE_PASSED',
    );
    expect(answerTimingRefusal(plus(120), deadline, graceUntil, plus(-3))).toBe(
      'ATTEMPT_DEADLINE_PASSED',
    );
  });

  it('stores the claimed time, never one later than the arrival', () => {
    expect(answeredAtFor(plus(5), plus(-3))).toEqual(plus(-3));
    expect(answeredAtFor(plus(5), plus(60))).toEqual(plus(5));
    expect(answeredAtFor(plus(5), null)).toEqual(plus(5));
  });
});
