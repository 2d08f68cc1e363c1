const DECIMAL_NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

/** Strict decimal number: `12`, `-1.5`, `.5`, `2e-3`. No hex, no commas, no Infinity. */
export function parseStrictNumber(raw: string): number {
  const text = raw.trim();
  const match = DECIMAL_NUMBER.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    return Number.NaN;
  }
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * Moves the decimal point of a decimal string by `places` (negative = left) without going
 * through floating-point multiplication, so "33.33333" percent becomes exactly 0.3333333.
 */
export function shiftDecimal(raw: string, places: number): number {
  const match = DECIMAL_NUMBER.exec(raw.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    return Number.NaN;
  }
  const [, sign, integerDigits, fractionDigits = '', exponent = '0'] = match;
  const digits = integerDigits + fractionDigits;
  const pointPosition = integerDigits.length + Number(exponent) + places;
  let rendered: string;
  if (pointPosition <= 0) {
    rendered = '0.' + '0'.repeat(-pointPosition) + digits;
  } else if (pointPosition >= digits.length) {
    rendered = digits + '0'.repeat(pointPosition - digits.length);
  } else {
    rendered = digits.slice(0, pointPosition) + '.' + digits.slice(pointPosition);
  }
  const value = Number(sign + rendered);
  return Number.isFinite(value) ? value : Number.NaN;
}

export function percentToFraction(percent: string): number {
  return shiftDecimal(percent, -2);
}

export function fractionToPercent(fraction: number): string {
  return formatNumber(shiftDecimal(formatNumber(fraction), 2));
}

/** Shortest text that parses back to the same number; avoids "-0". */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) {
    return '0';
  }
  return String(value);
}
