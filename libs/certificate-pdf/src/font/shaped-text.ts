import { TrueTypeFont } from './truetype';

/**
 * A string mapped to glyphs of one font: 1:1 character to glyph plus pair kerning (no
 * ligatures or complex shaping; the certificate only prints Latin script).
 * All advances are in PDF glyph space (1/1000 of the font size), rounded exactly as the
 * /W array and the TJ adjustments will carry them, so measured and drawn widths agree.
 */
export interface ShapedText {
  /** Original glyph id, or -(code point) for a character the font cannot draw. */
  readonly glyphs: readonly number[];
  /** The text each glyph stands for (ToUnicode). */
  readonly chars: readonly string[];
  readonly advances: readonly number[];
  /** Kerning between glyph i and i+1 (negative = closer). */
  readonly kerns: readonly number[];
}

/** A slice [start, end) of a shaped text, e.g. one wrapped line. */
export interface GlyphRange {
  readonly text: ShapedText;
  readonly start: number;
  readonly end: number;
  /** Width in glyph space units (1/1000 em), excluding character spacing. */
  readonly width: number;
}

const CACHE_LIMIT = 4096;

export class ShapingFont {
  readonly unitsToGlyphSpace: number;
  private readonly cache = new Map<string, ShapedText>();

  constructor(readonly ttf: TrueTypeFont) {
    this.unitsToGlyphSpace = 1000 / ttf.metrics.unitsPerEm;
  }

  advanceOf(gid: number): number {
    return Math.round(this.ttf.advances[gid] * this.unitsToGlyphSpace);
  }

  /** Labels repeat in every certificate, so shaped results are memoised (bounded). */
  shape(text: string): ShapedText {
    let shaped = this.cache.get(text);
    if (shaped) return shaped;
    shaped = this.shapeUncached(text);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, shaped);
    return shaped;
  }

  range(text: ShapedText, start = 0, end = text.glyphs.length): GlyphRange {
    return { text, start, end, width: rangeWidth(text, start, end) };
  }

  private shapeUncached(text: string): ShapedText {
    const glyphs: number[] = [];
    const chars: string[] = [];
    const advances: number[] = [];
    for (const ch of cleanText(text)) {
      const gid = this.ttf.glyphIdForCodePoint(ch.codePointAt(0)!);
      if (gid !== 0) {
        this.push(glyphs, chars, advances, gid, ch);
        continue;
      }
      const parts = [...ch.normalize('NFD')];
      const gids = parts.map((part) => this.ttf.glyphIdForCodePoint(part.codePointAt(0)!));
      if (parts.length > 1 && gids.every((g) => g !== 0)) {
        // Base letter followed by zero-advance combining marks.
        gids.forEach((g, i) => this.push(glyphs, chars, advances, g, parts[i]));
      } else {
        glyphs.push(-ch.codePointAt(0)!);
        chars.push(ch);
        advances.push(this.advanceOf(0));
      }
    }
    const kerns = new Array<number>(glyphs.length).fill(0);
    for (let i = 0; i + 1 < glyphs.length; i++) {
      if (glyphs[i] > 0 && glyphs[i + 1] > 0) {
        kerns[i] = Math.round(this.ttf.kern(glyphs[i], glyphs[i + 1]) * this.unitsToGlyphSpace);
      }
    }
    return { glyphs, chars, advances, kerns };
  }

  private push(glyphs: number[], chars: string[], advances: number[], gid: number, ch: string) {
    glyphs.push(gid);
    chars.push(ch);
    advances.push(this.advanceOf(gid));
  }
}

export function rangeWidth(text: ShapedText, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    width += text.advances[i];
    if (i + 1 < end) width += text.kerns[i];
  }
  return width;
}

/** NFC, whitespace runs collapsed to one space, control/format characters dropped. */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, (ch) => (/\s/.test(ch) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();
}
