import { TextFormat } from '../model';
import { MarkedText } from './marked-text';

const FORMAT_TAG = /^\[(html|markdown|plain|moodle)\]/;

export function readFormatTag(text: MarkedText): { format?: TextFormat; rest: MarkedText } {
  const trimmed = text.trim();
  const match = FORMAT_TAG.exec(trimmed.text);
  if (!match) {
    return { rest: trimmed };
  }
  return { format: match[1] as TextFormat, rest: trimmed.slice(match[0].length).trim() };
}

/** Answer and feedback texts may carry their own format tag; the model keeps one format per question. */
export function textWithoutFormatTag(text: MarkedText): string {
  return readFormatTag(text).rest.text;
}

export function startsWithFormatTag(text: string): boolean {
  return FORMAT_TAG.test(text);
}
