import { calendarDate } from '@app/calendar';

const DAY_MS = 86_400_000;

/** The calendar date of `at` in `timeZone`, as days since 1970-01-01 (for subtraction). */
function calendarDay(at: Date, timeZone: string): number {
  const { year, month, day } = calendarDate(at, timeZone);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * "Due in N days" as the recipient reads a calendar: the number of midnights between now and the
 * deadline in their time zone, at least 1 (a deadline later today is "in 1 day", never "in 0").
 * Due 5 Dec 23:59 WIB, reminded on 2 Dec (any hour): 3. The scan SQL computes the same with
 * `(due AT TIME ZONE tz)::date - (now AT TIME ZONE tz)::date`.
 */
export function calendarDaysLeft(deadline: Date, now: Date, timeZone: string): number {
  return Math.max(1, calendarDay(deadline, timeZone) - calendarDay(now, timeZone));
}
