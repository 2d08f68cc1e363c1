import { startsWithFormatTag } from './format-tag';

const SPECIAL = /[\\~=#{}:\n]/g;

/** Escapes GIFT syntax characters; newlines become `\n` so a question never contains a blank line. */
export function escapeGift(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(SPECIAL, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

/** Also hides `->`, which otherwise turns short answers into matching questions. */
export function escapeGiftWithArrow(text: string): string {
  return escapeGift(text).replace(/->/g, '-\\>');
}

/**
 * Answer and feedback texts lose a leading `[html]`-style tag on import, so a text that
 * really starts with one is protected by an explicit tag in front of it.
 */
export function protectFormatTag(escaped: string, format: string): string {
  return startsWithFormatTag(escaped) ? `[${format}]${escaped}` : escaped;
}
