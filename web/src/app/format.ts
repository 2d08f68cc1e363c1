import type { TFunction } from 'i18next';

export function formatDuration(t: TFunction, totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds < 60) return t('duration.seconds', { count: seconds });
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? t('duration.minutes', { count: m }) : t('duration.minutesSeconds', { m, s });
}

export function formatDate(language: string, iso: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}

/**
 * A date and time in words, in the app's language and Jakarta time, e.g. "Senin, 07 Desember
 * 2026 pukul 08.00": native date inputs show the browser's own format, this says it plainly.
 */
export function formatDateTimeInWords(language: string, iso: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}

/** A time of day on the device's clock, e.g. "10.02.00" (id) or "10:02:00" (en). */
export function formatTimeOfDay(language: string, epochMs: number): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    timeStyle: 'medium',
  }).format(new Date(epochMs));
}

/** The title in the reader's language (courses carry both). */
export function localized(language: string, item: { titleId: string; titleEn: string }): string {
  return language === 'en' ? item.titleEn || item.titleId : item.titleId || item.titleEn;
}
