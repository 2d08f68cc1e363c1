const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)$/;
const INDONESIAN_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const ENGLISH_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const MAX_LENGTH = 64;

/**
 * Reads a learner's number. Accepts `2.5` and the Indonesian `2,5`. Thousands separators
 * are only accepted when unambiguous: `1.234.567`, `1.234,5` (Indonesian) or `1,234,567`,
 * `1,234.5` (English). A lone `1.234` is 1.234 and a lone `1,234` is 1.234 as well, because
 * a single comma is read as the decimal separator. Returns NaN for anything else.
 */
export function parseNumericResponse(raw: string): number {
  const text = raw.trim().replace(/\s+/g, '');
  if (text === '' || text.length > MAX_LENGTH) {
    return Number.NaN;
  }
  let normalised: string;
  if (PLAIN.test(text)) {
    normalised = text;
  } else if (DECIMAL_COMMA.test(text)) {
    normalised = text.replace(',', '.');
  } else if (INDONESIAN_GROUPED.test(text) && (text.includes(',') || countOf(text, '.') > 1)) {
    normalised = text.replace(/\./g, '').replace(',', '.');
  } else if (ENGLISH_GROUPED.test(text) && (text.includes('.') || countOf(text, ',') > 1)) {
    normalised = text.replace(/,/g, '');
  } else {
    return Number.NaN;
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : Number.NaN;
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}
