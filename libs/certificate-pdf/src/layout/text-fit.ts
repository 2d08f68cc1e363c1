import { GlyphRange, ShapedText, ShapingFont } from '../font/shaped-text';

export interface FittedText {
  readonly size: number;
  readonly lineHeight: number;
  readonly lines: readonly GlyphRange[];
}

export interface FitOptions {
  readonly width: number;
  readonly height: number;
  readonly maxSize: number;
  /** Preferred smallest size; below it the text keeps shrinking rather than being cut. */
  readonly minSize: number;
  readonly maxLines?: number;
  /** Line height as a multiple of the font size. */
  readonly leading?: number;
  /** Characters after which a line may break (kept on the line); spaces always break. */
  readonly breakAfter?: string;
}

export interface FittedLine {
  readonly size: number;
  readonly line: GlyphRange;
  readonly charSpacing: number;
  /** Drawn width in points. */
  readonly width: number;
}

const HARD_MIN_SIZE = 2;
const DEFAULT_BREAK_AFTER = '-/';

/**
 * Largest size (0.5 pt steps) at which the wrapped text fits the box. If nothing fits at
 * minSize the text shrinks further (and maxLines is ignored): text is never cut off.
 */
export function fitText(font: ShapingFont, text: string, options: FitOptions): FittedText {
  const shaped = font.shape(text);
  const breakAfter = options.breakAfter ?? DEFAULT_BREAK_AFTER;
  const leading = options.leading ?? 1.2;
  const maxLines = options.maxLines ?? Infinity;
  const fits = (lines: readonly GlyphRange[], size: number) =>
    lines.length * size * leading <= options.height + 0.01;

  for (let size = options.maxSize; size >= options.minSize; size -= 0.5) {
    const lines = wrap(font, shaped, (options.width * 1000) / size, breakAfter);
    if (lines.length <= maxLines && fits(lines, size)) {
      return { size, lineHeight: size * leading, lines };
    }
  }
  let size = options.minSize;
  let lines = wrap(font, shaped, (options.width * 1000) / size, breakAfter);
  while (!fits(lines, size) && size > HARD_MIN_SIZE) {
    size = Math.max(HARD_MIN_SIZE, size * 0.92);
    lines = wrap(font, shaped, (options.width * 1000) / size, breakAfter);
  }
  return { size, lineHeight: size * leading, lines };
}

/** Single line, shrunk (never below 2 pt) until it is no wider than `width`. */
export function fitLine(
  font: ShapingFont,
  text: string,
  size: number,
  width: number,
  charSpacing = 0,
): FittedLine {
  const line = font.range(font.shape(text));
  const gaps = Math.max(0, line.end - line.start - 1);
  const natural = (line.width * size) / 1000 + gaps * charSpacing;
  const scale = natural <= width ? 1 : Math.max(width / natural, HARD_MIN_SIZE / size);
  return { size: size * scale, line, charSpacing: charSpacing * scale, width: natural * scale };
}

const isSpace = (text: ShapedText, i: number) => text.chars[i] === ' ';

/**
 * Greedy line breaking at spaces and after `breakAfter` characters; a word longer than a
 * line breaks between any two glyphs. `limit` is in glyph space units (1/1000 of the size).
 */
export function wrap(
  font: ShapingFont,
  text: ShapedText,
  limit: number,
  breakAfter = DEFAULT_BREAK_AFTER,
): GlyphRange[] {
  const lines: GlyphRange[] = [];
  const n = text.glyphs.length;
  let start = 0;
  while (start < n) {
    while (start < n && isSpace(text, start)) start++;
    if (start >= n) break;
    let width = 0;
    let end = n;
    let next = n;
    let breakEnd = -1;
    let breakNext = -1;
    for (let i = start; i < n; i++) {
      const advance = text.advances[i] + (i > start ? text.kerns[i - 1] : 0);
      if (width + advance > limit && i > start && !isSpace(text, i)) {
        if (breakEnd > start) {
          end = breakEnd;
          next = breakNext;
        } else {
          end = i;
          next = i;
        }
        break;
      }
      width += advance;
      if (isSpace(text, i)) {
        breakEnd = i;
        breakNext = i + 1;
      } else if (i + 1 < n && breakAfter.includes(text.chars[i])) {
        breakEnd = i + 1;
        breakNext = i + 1;
      }
    }
    while (end > start && isSpace(text, end - 1)) end--;
    lines.push(font.range(text, start, end));
    start = next;
  }
  return lines;
}
