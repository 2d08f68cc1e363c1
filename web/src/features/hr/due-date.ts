/** A date picked as YYYY-MM-DD means the end of that day in Jakarta, as the CSV import reads it. */
export function endOfDayInJakarta(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T23:59:59+07:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
