import { hasAtMostDecimals } from './decimal.decorator';

describe('hasAtMostDecimals', () => {
  it('accepts numbers with up to the given decimals', () => {
    for (const ok of [0, 1, 2.5, 2.25, 1000, -3.1]) expect(hasAtMostDecimals(ok, 2)).toBe(true);
  });

  it('refuses more decimals, exponent forms, non-finite and non-numbers', () => {
    for (const bad of [2.125, 1e-7, -9e-323, 1e300, Infinity, NaN, '1', null]) {
      expect(hasAtMostDecimals(bad, 2)).toBe(false);
    }
  });
});
