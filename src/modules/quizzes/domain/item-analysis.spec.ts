import {
  discriminationIndex,
  facilityIndex,
  interpretDiscrimination,
  interpretFacility,
  questionSnippet,
} from './item-analysis';

describe('facilityIndex', () => {
  it('is the mean mark as a percentage of the range', () => {
    // mean of 0, 1, 1, 2 = 1; range 0..2 → 50
    expect(facilityIndex([0, 1, 1, 2], 2)).toBe(50);
    // with a negative minimum: mean 0.5 over −1..1 → 100 · 1.5 / 2 = 75
    expect(facilityIndex([0, 1], 1, -1)).toBe(75);
  });

  it('is null without attempts or without marks', () => {
    expect(facilityIndex([], 1)).toBeNull();
    expect(facilityIndex([0, 0], 0)).toBeNull();
  });
});

describe('discriminationIndex', () => {
  it('is 100 when the question ranks learners like the rest of the quiz', () => {
    // rest = total − mark = 0, 1, 2 for marks 0, 1, 2: perfectly correlated
    const scores = [
      { mark: 0, total: 0 },
      { mark: 1, total: 2 },
      { mark: 2, total: 4 },
    ];
    expect(discriminationIndex(scores)).toBeCloseTo(100, 10);
  });

  it('is negative when the weaker learners do better on it', () => {
    const scores = [
      { mark: 1, total: 1 },
      { mark: 0, total: 3 },
    ];
    expect(discriminationIndex(scores)).toBeCloseTo(-100, 10);
  });

  it('matches a hand-computed correlation', () => {
    // x = 1,0,1,0; rest = 3,1,2,2 → x̄ = 0.5, rest mean = 2
    // Σ(x−x̄)(r−r̄) = 0.5·1 + (−0.5)(−1) + 0.5·0 + (−0.5)·0 = 1
    // Σ(x−x̄)² = 1, Σ(r−r̄)² = 1 + 1 + 0 + 0 = 2 → r = 1/√2
    const scores = [
      { mark: 1, total: 4 },
      { mark: 0, total: 1 },
      { mark: 1, total: 3 },
      { mark: 0, total: 2 },
    ];
    expect(discriminationIndex(scores)).toBeCloseTo(100 / Math.SQRT2, 10);
  });

  it('is null when the question or the rest has no spread', () => {
    expect(
      discriminationIndex([
        { mark: 1, total: 2 },
        { mark: 1, total: 3 },
      ]),
    ).toBeNull();
    expect(
      discriminationIndex([
        { mark: 0, total: 1 },
        { mark: 1, total: 2 },
      ]),
    ).toBeNull();
    expect(discriminationIndex([{ mark: 1, total: 1 }])).toBeNull();
  });
});

describe('interpretDiscrimination', () => {
  it.each([
    [100, 'very_good'],
    [50, 'very_good'],
    [49.9, 'adequate'],
    [30, 'adequate'],
    [29.9, 'weak'],
    [20, 'weak'],
    [19.9, 'very_weak'],
    [0, 'very_weak'],
    [-0.1, 'bad'],
    [-80, 'bad'],
  ])('D = %p is %p', (d, level) => {
    expect(interpretDiscrimination(d)).toBe(level);
  });

  it('says nothing when D is undefined', () => {
    expect(interpretDiscrimination(null)).toBeNull();
  });
});

describe('interpretFacility', () => {
  it.each([
    [0, 'extremely_difficult'],
    [5, 'extremely_difficult'],
    [6, 'very_difficult'],
    [10, 'very_difficult'],
    [11, 'difficult'],
    [20, 'difficult'],
    [21, 'moderately_difficult'],
    [34, 'moderately_difficult'],
    [35, 'about_right'],
    [65, 'about_right'],
    [66, 'fairly_easy'],
    [80, 'fairly_easy'],
    [81, 'easy'],
    [89, 'easy'],
    [90, 'very_easy'],
    [94, 'very_easy'],
    [95, 'extremely_easy'],
    [100, 'extremely_easy'],
  ])('F = %p is %p', (f, level) => {
    expect(interpretFacility(f)).toBe(level);
  });

  it('says nothing when F is undefined', () => {
    expect(interpretFacility(null)).toBeNull();
  });
});

describe('questionSnippet', () => {
  it('drops Markdown marks, links and images and keeps one line', () => {
    expect(
      questionSnippet('Apa kepanjangan **APD**?\n\n![helm](h.png) [lihat](https://x.id)'),
    ).toBe('Apa kepanjangan APD? lihat');
  });

  it('cuts long text with an ellipsis', () => {
    expect(questionSnippet('a'.repeat(10), 5)).toBe('aaaa…');
    expect(questionSnippet('abc', 5)).toBe('abc');
  });
});
