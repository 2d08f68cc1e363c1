/**
 * One CSV line (RFC 4180). Cells holding the separator, `;` (Excel's separator in the
 * Indonesian locale), quotes or line breaks are quoted; text a spreadsheet would run as a
 * formula gets a leading '. Numbers are written as they are.
 */
export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
