/** Date and time in Jakarta, e.g. "3 Des 2026, 10.02" (id) or "3 Dec 2026, 10:02" (en). */
export function formatDateTime(language: string, iso: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}

/** A calendar day typed in a date field (yyyy-mm-dd) as the instant it starts in Jakarta. */
export function startOfJakartaDay(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}
