import {
  clockOffset,
  formatRemaining,
  isAnswered,
  remainingMs,
  responseFromBody,
  saveBody,
  unansweredNumbers,
} from './quiz-logic';

describe('skew-corrected countdown', () => {
  const deadline = '2026-12-02T10:10:00.000Z';

  it('counts from the server clock, not the device clock', () => {
    // The device runs 5 minutes fast: it received the attempt at "10:05" while the server said 10:00.
    const received = Date.parse('2026-12-02T10:05:00.000Z');
    const offset = clockOffset('2026-12-02T10:00:00.000Z', received);
    expect(offset).toBe(-5 * 60_000);
    expect(remainingMs(deadline, offset, received)).toBe(10 * 60_000);
    expect(remainingMs(deadline, offset, received + 60_000)).toBe(9 * 60_000);
  });

  it('handles a slow device clock the same way', () => {
    const received = Date.parse('2026-12-02T09:58:00.000Z');
    const offset = clockOffset('2026-12-02T10:00:00.000Z', received);
    expect(remainingMs(deadline, offset, received)).toBe(10 * 60_000);
  });

  it('never goes below zero', () => {
    expect(remainingMs(deadline, 0, Date.parse(deadline) + 5000)).toBe(0);
  });

  it('formats minutes and hours, rounding up', () => {
    expect(formatRemaining(245_000)).toBe('4:05');
    expect(formatRemaining(244_001)).toBe('4:05');
    expect(formatRemaining(3_729_000)).toBe('1:02:09');
    expect(formatRemaining(0)).toBe('0:00');
  });
});

describe('answers', () => {
  it('knows an empty answer from a given one', () => {
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered({ type: 'single_choice', optionId: null })).toBe(false);
    expect(isAnswered({ type: 'true_false', answer: false })).toBe(true);
    expect(isAnswered({ type: 'essay', text: '  ' })).toBe(false);
    expect(isAnswered({ type: 'multiple_choice', optionIds: ['a'] })).toBe(true);
    expect(isAnswered({ type: 'matching', matches: [{ pairId: 'p', answer: '' }] })).toBe(false);
  });

  it('sends the save body without the type, stamped with when it was given on the server clock', () => {
    const given = Date.parse('2026-12-02T10:09:59.000Z');
    const answeredAt = '2026-12-02T10:09:59.000Z';
    expect(saveBody({ type: 'numerical', text: '227,5' }, given)).toEqual({
      text: '227,5',
      answeredAt,
    });
    expect(
      saveBody(
        {
          type: 'matching',
          matches: [
            { pairId: 'p1', answer: 'Helm' },
            { pairId: 'p2', answer: '' },
          ],
        },
        given,
      ),
    ).toEqual({ matches: [{ pairId: 'p1', answer: 'Helm' }], answeredAt });
  });

  it('turns a queued body back into the response, without its time stamp', () => {
    const body = saveBody({ type: 'single_choice', optionId: 'o2' }, Date.now());
    expect(responseFromBody('single_choice', body)).toEqual({
      type: 'single_choice',
      optionId: 'o2',
    });
  });

  it('lists the unanswered questions by number, skipping descriptions', () => {
    const q = (id: string, number: number, type = 'essay') =>
      ({ id, number, type, text: '', maxMark: 1 }) as never;
    expect(
      unansweredNumbers([q('a', 1), q('b', 2), q('c', 3, 'description'), q('d', 4)], {
        a: { type: 'essay', text: 'x' },
      }),
    ).toEqual([2, 4]);
  });
});
