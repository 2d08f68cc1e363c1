import { normaliseNumericalAnswer, toDraft } from './question-input';

describe('normaliseNumericalAnswer', () => {
  it('turns a min..max range into its midpoint and half-width', () => {
    expect(normaliseNumericalAnswer({ min: 9, max: 11, fraction: 1 })).toEqual({
      value: 10,
      tolerance: 1,
      fraction: 1,
    });
  });

  it('takes a reversed range as the same interval', () => {
    expect(normaliseNumericalAnswer({ min: 11, max: 9, fraction: 1 })).toMatchObject({
      value: 10,
      tolerance: 1,
    });
  });

  it('prefers a full range over value and tolerance', () => {
    expect(
      normaliseNumericalAnswer({ value: 3, tolerance: 5, min: 0, max: 2, fraction: 0.5 }),
    ).toEqual({ value: 1, tolerance: 1, fraction: 0.5 });
  });

  it('keeps value ± tolerance, tolerance 0 when left out, and the feedback', () => {
    expect(normaliseNumericalAnswer({ value: 4, fraction: 1, feedback: 'ok' })).toEqual({
      value: 4,
      tolerance: 0,
      fraction: 1,
      feedback: 'ok',
    });
  });

  it('gives NaN when neither a value nor a full range is there', () => {
    expect(normaliseNumericalAnswer({ min: 1, fraction: 1 }).value).toBeNaN();
  });
});

describe('toDraft', () => {
  it('defaults the text format and tags and drops option ids', () => {
    const draft = toDraft({
      type: 'single_choice',
      text: 'Q',
      defaultMark: 1,
      options: [{ text: 'A', fraction: 1, id: 'keep' } as never],
    });
    expect(draft).toMatchObject({ textFormat: 'markdown', tags: [], line: 1 });
    expect(draft.options).toEqual([{ text: 'A', fraction: 1, feedback: undefined }]);
  });
});
