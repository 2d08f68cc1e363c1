import { calendarDate } from './calendar-date';

describe('calendarDate', () => {
  it('reads the date on the wall clock of the time zone, not UTC', () => {
    // 31 Dec 2026 17:30 UTC is 1 Jan 2027 00:30 in Jakarta (UTC+7).
    const at = new Date('2026-12-31T17:30:00Z');
    expect(calendarDate(at, 'Asia/Jakarta')).toEqual({ year: 2027, month: 1, day: 1 });
    expect(calendarDate(at, 'UTC')).toEqual({ year: 2026, month: 12, day: 31 });
    expect(calendarDate(at, 'America/New_York')).toEqual({ year: 2026, month: 12, day: 31 });
  });

  it('gives the same answer from its cached formatter on every call', () => {
    const at = new Date('2026-03-15T02:00:00Z');
    const first = calendarDate(at, 'Asia/Makassar');
    expect(calendarDate(at, 'Asia/Makassar')).toEqual(first);
    expect(first).toEqual({ year: 2026, month: 3, day: 15 });
  });
});
