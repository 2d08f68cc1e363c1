import { normaliseCategoryPath } from './category-path';
import { fractionToPercent, parseStrictNumber, percentToFraction } from './numbers';

describe('percent conversions', () => {
  it.each([
    ['100', 1],
    ['50', 0.5],
    ['33.33333', 0.3333333],
    ['-25', -0.25],
    ['0', 0],
    ['1e1', 0.1],
    ['.5', 0.005],
  ])('percentToFraction(%s) is exactly %s', (percent, fraction) => {
    expect(percentToFraction(percent)).toBe(fraction);
  });

  it.each([1, 0.5, 0.3333333, -0.25, 0, 1e-9, 0.1 + 0.2])(
    'fractionToPercent(%s) reads back exactly',
    (fraction) => {
      expect(percentToFraction(fractionToPercent(fraction))).toBe(fraction);
    },
  );

  it('rejects text that is not a plain decimal number', () => {
    for (const bad of ['', '.', 'abc', '1,5', '0x10', 'Infinity', '1e999', '--1', '5%']) {
      expect(parseStrictNumber(bad)).toBeNaN();
      expect(percentToFraction(bad)).toBeNaN();
    }
  });
});

describe('normaliseCategoryPath', () => {
  it.each([
    ['$course$/top/K3 Umum/APD', 'K3 Umum/APD'],
    ['$system$/top', undefined],
    [' K3 Umum / APD ', 'K3 Umum/APD'],
    ['top/K3', 'top/K3'],
    ['', undefined],
  ])('%j becomes %j', (raw, expected) => {
    expect(normaliseCategoryPath(raw)).toBe(expected);
  });
});
