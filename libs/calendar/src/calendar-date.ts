/** The service's default time zone: Indonesian courses are dated in Western Indonesia Time. */
export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

// Building an Intl.DateTimeFormat costs ~0.3-0.5 ms, far more than using one; they are immutable.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date of `at` as a clock on the wall in `timeZone` shows it. */
export function calendarDate(at: Date, timeZone: string): CalendarDate {
  const date = { year: 0, month: 0, day: 0 };
  for (const part of formatIn(timeZone).formatToParts(at)) {
    if (part.type === 'year') date.year = Number(part.value);
    else if (part.type === 'month') date.month = Number(part.value);
    else if (part.type === 'day') date.day = Number(part.value);
  }
  return date;
}
