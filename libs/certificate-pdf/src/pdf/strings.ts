import { hex4 } from './hex';

/** A PDF text string: literal for printable ASCII, otherwise UTF-16BE with BOM (hex). */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) {
    return `(${text.replace(/[\\()]/g, (ch) => `\\${ch}`)})`;
  }
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += hex4(text.charCodeAt(i));
  return `<${hex}>`;
}

/** PDF date string in UTC, e.g. D:20261127093000Z. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString(); // 2026-11-27T09:30:00.000Z
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

/** Numbers in content streams: at most 2 decimals (default), no exponent, no trailing zeros. */
export function num(value: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
