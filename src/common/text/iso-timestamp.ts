/**
 * The one reading of an ISO 8601 timestamp in the API: a calendar date (`YYYY-MM-DD`) or a
 * calendar date-time (`YYYY-MM-DDTHH:mm[:ss[.fraction]]` with an optional `Z` or `±HH:mm`
 * offset), year 1900–9999. Week dates (`2026-W01-1`), ordinal dates (`2026-001`), basic
 * format, expanded years and impossible days (`2026-02-30`) are refused, so nothing that
 * reaches PostgreSQL is out of its range or read differently than the client meant.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const CALENDAR =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

export function parseIsoTimestamp(value: unknown): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = CALENDAR.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) {
    return null;
  }
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const ISO_TIMESTAMP_HINT =
  'an ISO 8601 calendar date or date-time (e.g. 2026-12-31 or 2026-12-31T16:59:59Z), year 1900–9999';
