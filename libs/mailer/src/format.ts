import type { Locale } from './types';

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

export interface Formatter {
  locale: Locale;
  /** e.g. id: "15 Maret 2025", en: "15 March 2025" */
  date(value: Date): string;
  /** e.g. id: "15 Maret 2025 pukul 14.30 WIB", en: "15 March 2025 at 14:30 WIB" */
  dateTime(value: Date): string;
  /** e.g. id: "87,5%", en: "87.5%" */
  percent(value: number): string;
  /** e.g. id: "3 hari", en: "3 days" / "1 day" */
  days(count: number): string;
}

export function createFormatter(locale: Locale, timeZone = DEFAULT_TIME_ZONE): Formatter {
  const dateFormat = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, dateStyle: 'long' });
  const dateTimeFormat = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const percentFormat = new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return {
    locale,
    date: (value) => dateFormat.format(value),
    dateTime: (value) => dateTimeFormat.format(value),
    percent: (value) => percentFormat.format(value / 100),
    days: (count) => {
      if (locale === 'id') return `${count} hari`;
      return count === 1 ? '1 day' : `${count} days`;
    },
  };
}
