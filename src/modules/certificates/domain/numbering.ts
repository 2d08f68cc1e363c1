import { calendarDate } from '@app/calendar';

export interface NumberParts {
  competencyCode: string;
  year: number;
  sequence: number;
}

const TOKEN = /\{(COMPETENCY|YYYY|YY|SEQ(\d?))\}/g;

/**
 * Formats a human certificate number from a pattern such as `K3/{COMPETENCY}/{YYYY}/{SEQ6}`.
 * `{SEQn}` zero-pads the sequence to n digits (never truncates); `{SEQ}` prints it as is.
 */
export function formatCertificateNumber(pattern: string, parts: NumberParts): string {
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1) {
    throw new RangeError(`sequence must be a positive integer, got ${parts.sequence}`);
  }
  if (!/\{SEQ\d?\}/.test(pattern)) throw new RangeError('pattern must contain {SEQ} or {SEQ<n>}');
  return pattern.replace(TOKEN, (_match, token: string, width: string) => {
    if (token === 'COMPETENCY') return parts.competencyCode.toUpperCase();
    if (token === 'YYYY') return String(parts.year).padStart(4, '0');
    if (token === 'YY') return String(parts.year % 100).padStart(2, '0');
    return String(parts.sequence).padStart(width ? Number(width) : 0, '0');
  });
}

/** The calendar year of `at` in `timeZone`: a certificate completed 31 Dec 23:30 WIB is that year's. */
export function yearIn(at: Date, timeZone: string): number {
  return calendarDate(at, timeZone).year;
}
