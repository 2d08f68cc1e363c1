import { calendarDate } from '@app/calendar';

const MONTHS_ID =
  'Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember'.split(
    ' ',
  );
const MONTHS_EN =
  'January February March April May June July August September October November December'.split(
    ' ',
  );

/** '27 Agustus 2026 / 27 August 2026', or just '27 November 2026' when both read the same. */
export function bilingualDate(date: Date, timeZone: string, field: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new Error(`certificate-pdf: ${field} is not a valid date`);
  }
  const { day, month, year } = calendarDate(date, timeZone);
  const id = `${day} ${MONTHS_ID[month - 1]} ${year}`;
  const en = `${day} ${MONTHS_EN[month - 1]} ${year}`;
  return id === en ? id : `${id} / ${en}`;
}

/** '32 JP', or '1,5 JP / 1.5 JP' for fractions (Indonesian decimal comma). */
export function jpHoursText(hours: number): string {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new Error('certificate-pdf: jpHours must be a non-negative number');
  }
  const en = String(Math.round(hours * 100) / 100);
  const id = en.replace('.', ',');
  return id === en ? `${en} JP` : `${id} JP / ${en} JP`;
}
