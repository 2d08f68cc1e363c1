/**
 * Minimal TrueType reader: just what PDF embedding needs (metrics, cmap, kerning, glyph
 * outlines). Parsed once per process; glyph outlines are extracted lazily and cached.
 */

export interface GlyphData {
  /** Outline bytes with hinting instructions removed, padded to a multiple of 4. */
  readonly bytes: Uint8Array;
  /** Composite glyphs only: component glyph ids and where each id sits in `bytes`. */
  readonly components: readonly number[];
  readonly componentIdOffsets: readonly number[];
}

export interface FontMetrics {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly capHeight: number;
  readonly italicAngle: number;
  readonly bbox: readonly [number, number, number, number];
}

const COMPOSITE_ARGS_ARE_WORDS = 0x0001;
const COMPOSITE_HAS_SCALE = 0x0008;
const COMPOSITE_MORE_COMPONENTS = 0x0020;
const COMPOSITE_HAS_XY_SCALE = 0x0040;
const COMPOSITE_HAS_2X2 = 0x0080;
const COMPOSITE_HAS_INSTRUCTIONS = 0x0100;

const EMPTY_GLYPH: GlyphData = { bytes: new Uint8Array(0), components: [], componentIdOffsets: [] };

export class TrueTypeFont {
  readonly postScriptName: string;
  readonly metrics: FontMetrics;
  readonly numGlyphs: number;
  /** Raw head/hhea/maxp tables, copied and patched by the subsetter. */
  readonly head: Uint8Array;
  readonly hhea: Uint8Array;
  readonly maxp: Uint8Array;
  readonly advances: Uint16Array;
  readonly leftSideBearings: Int16Array;

  private readonly data: Buffer;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  private readonly cmap = new Map<number, number>();
  private readonly kerning = new Map<number, number>();
  private readonly glyphOffsets: Uint32Array;
  private readonly glyphCache: (GlyphData | undefined)[];

  constructor(data: Buffer) {
    this.data = data;
    const version = data.readUInt32BE(0);
    if (version !== 0x00010000 && version !== 0x74727565) {
      throw new Error('Not a TrueType (glyf-based) font');
    }
    const numTables = data.readUInt16BE(4);
    for (let i = 0; i < numTables; i++) {
      const record = 12 + i * 16;
      this.tables.set(data.toString('latin1', record, record + 4), {
        offset: data.readUInt32BE(record + 8),
        length: data.readUInt32BE(record + 12),
      });
    }
    this.head = this.table('head');
    this.hhea = this.table('hhea');
    this.maxp = this.table('maxp');
    this.numGlyphs = this.u16('maxp', 4);

    const unitsPerEm = this.u16('head', 18);
    const os2 = this.tables.get('OS/2');
    const capHeight =
      os2 && os2.length >= 90 && this.u16('OS/2', 0) >= 2
        ? this.i16('OS/2', 88)
        : Math.round(unitsPerEm * 0.7);
    const post = this.tables.get('post');
    this.metrics = {
      unitsPerEm,
      ascender: this.i16('hhea', 4),
      descender: this.i16('hhea', 6),
      capHeight,
      italicAngle: post ? data.readInt32BE(post.offset + 4) / 65536 : 0,
      bbox: [
        this.i16('head', 36),
        this.i16('head', 38),
        this.i16('head', 40),
        this.i16('head', 42),
      ],
    };
    this.postScriptName = this.readPostScriptName();

    const numberOfHMetrics = this.u16('hhea', 34);
    const hmtx = this.location('hmtx');
    this.advances = new Uint16Array(this.numGlyphs);
    this.leftSideBearings = new Int16Array(this.numGlyphs);
    for (let gid = 0; gid < this.numGlyphs; gid++) {
      if (gid < numberOfHMetrics) {
        this.advances[gid] = data.readUInt16BE(hmtx + gid * 4);
        this.leftSideBearings[gid] = data.readInt16BE(hmtx + gid * 4 + 2);
      } else {
        this.advances[gid] = this.advances[numberOfHMetrics - 1];
        this.leftSideBearings[gid] = data.readInt16BE(
          hmtx + numberOfHMetrics * 4 + (gid - numberOfHMetrics) * 2,
        );
      }
    }

    const loca = this.location('loca');
    const longOffsets = this.i16('head', 50) === 1;
    this.glyphOffsets = new Uint32Array(this.numGlyphs + 1);
    for (let gid = 0; gid <= this.numGlyphs; gid++) {
      this.glyphOffsets[gid] = longOffsets
        ? data.readUInt32BE(loca + gid * 4)
        : data.readUInt16BE(loca + gid * 2) * 2;
    }
    this.glyphCache = new Array<GlyphData | undefined>(this.numGlyphs);

    this.readCmap();
    this.readKerning();
  }

  glyphIdForCodePoint(codePoint: number): number {
    return this.cmap.get(codePoint) ?? 0;
  }

  /** Horizontal kerning between two glyphs, in font units (0 when none). */
  kern(left: number, right: number): number {
    return this.kerning.get(left * 65536 + right) ?? 0;
  }

  glyph(gid: number): GlyphData {
    let glyph = this.glyphCache[gid];
    if (!glyph) {
      glyph = this.extractGlyph(gid);
      this.glyphCache[gid] = glyph;
    }
    return glyph;
  }

  private extractGlyph(gid: number): GlyphData {
    const glyf = this.location('glyf');
    const start = glyf + this.glyphOffsets[gid];
    const end = glyf + this.glyphOffsets[gid + 1];
    if (end <= start) return EMPTY_GLYPH;
    const source = this.data.subarray(start, end);
    const numberOfContours = source.readInt16BE(0);
    return numberOfContours >= 0
      ? stripSimpleGlyph(source, numberOfContours)
      : stripCompositeGlyph(source);
  }

  private readPostScriptName(): string {
    const name = this.tables.get('name');
    if (!name) return 'Font';
    const count = this.u16('name', 2);
    const strings = name.offset + this.u16('name', 4);
    let fallback = '';
    for (let i = 0; i < count; i++) {
      const record = name.offset + 6 + i * 12;
      const platform = this.data.readUInt16BE(record);
      const nameId = this.data.readUInt16BE(record + 6);
      if (nameId !== 6) continue;
      const length = this.data.readUInt16BE(record + 8);
      const offset = strings + this.data.readUInt16BE(record + 10);
      const raw = this.data.subarray(offset, offset + length);
      if (platform === 3 || platform === 0) {
        let text = '';
        for (let j = 0; j + 1 < raw.length; j += 2)
          text += String.fromCharCode(raw.readUInt16BE(j));
        return sanitizePdfName(text);
      }
      fallback = raw.toString('latin1');
    }
    return sanitizePdfName(fallback || 'Font');
  }

  private readCmap(): void {
    const base = this.location('cmap');
    const count = this.data.readUInt16BE(base + 2);
    let format4 = -1;
    let format12 = -1;
    for (let i = 0; i < count; i++) {
      const record = base + 4 + i * 8;
      const platform = this.data.readUInt16BE(record);
      const encoding = this.data.readUInt16BE(record + 2);
      const offset = base + this.data.readUInt32BE(record + 4);
      const format = this.data.readUInt16BE(offset);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      if (format === 12) format12 = offset;
      else if (format === 4) format4 = offset;
    }
    if (format12 >= 0) this.readCmapFormat12(format12);
    else if (format4 >= 0) this.readCmapFormat4(format4);
    else throw new Error('Font has no Unicode cmap (format 4 or 12)');
  }

  private readCmapFormat4(offset: number): void {
    const d = this.data;
    const segCount = d.readUInt16BE(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    for (let s = 0; s < segCount; s++) {
      const start = d.readUInt16BE(starts + s * 2);
      const end = d.readUInt16BE(ends + s * 2);
      const delta = d.readInt16BE(deltas + s * 2);
      const rangeOffset = d.readUInt16BE(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let gid: number;
        if (rangeOffset === 0) {
          gid = (cp + delta) & 0xffff;
        } else {
          const at = rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2;
          gid = d.readUInt16BE(at);
          if (gid !== 0) gid = (gid + delta) & 0xffff;
        }
        if (gid !== 0) this.cmap.set(cp, gid);
      }
    }
  }

  private readCmapFormat12(offset: number): void {
    const d = this.data;
    const groups = d.readUInt32BE(offset + 12);
    for (let g = 0; g < groups; g++) {
      const record = offset + 16 + g * 12;
      const start = d.readUInt32BE(record);
      const end = d.readUInt32BE(record + 4);
      const firstGid = d.readUInt32BE(record + 8);
      for (let cp = start; cp <= end; cp++) this.cmap.set(cp, firstGid + (cp - start));
    }
  }

  /** Legacy 'kern' table, format 0 horizontal pairs (what DejaVu ships besides GPOS). */
  private readKerning(): void {
    const kern = this.tables.get('kern');
    if (!kern) return;
    const d = this.data;
    if (d.readUInt16BE(kern.offset) !== 0) return;
    const subtables = d.readUInt16BE(kern.offset + 2);
    const tableEnd = kern.offset + kern.length;
    let at = kern.offset + 4;
    for (let t = 0; t < subtables && at + 14 <= tableEnd; t++) {
      const length = d.readUInt16BE(at + 2);
      const coverage = d.readUInt16BE(at + 4);
      // Format 0, horizontal, actual kerning values (not minimums), not cross-stream.
      if ((coverage & 0xff0f) === 0x0001) {
        const pairs = d.readUInt16BE(at + 6);
        for (let p = 0; p < pairs && at + 14 + p * 6 + 6 <= tableEnd; p++) {
          const pair = at + 14 + p * 6;
          const key = d.readUInt16BE(pair) * 65536 + d.readUInt16BE(pair + 2);
          this.kerning.set(key, (this.kerning.get(key) ?? 0) + d.readInt16BE(pair + 4));
        }
      }
      if (length < 14) break; // corrupt subtable header
      at += length;
    }
  }

  private location(tag: string): number {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`Font is missing the '${tag}' table`);
    return table.offset;
  }

  private table(tag: string): Uint8Array {
    const table = this.tables.get(tag);
    if (!table) throw new Error(`Font is missing the '${tag}' table`);
    return new Uint8Array(this.data.subarray(table.offset, table.offset + table.length));
  }

  private u16(tag: string, at: number): number {
    return this.data.readUInt16BE(this.location(tag) + at);
  }

  private i16(tag: string, at: number): number {
    return this.data.readInt16BE(this.location(tag) + at);
  }
}

function sanitizePdfName(name: string): string {
  return name.replace(/[^A-Za-z0-9\-_.]/g, '') || 'Font';
}

function padded(length: number): Uint8Array {
  return new Uint8Array((length + 3) & ~3);
}

/** Drops the instructions of a simple glyph; PDF viewers rasterise without TrueType hinting. */
function stripSimpleGlyph(source: Buffer, numberOfContours: number): GlyphData {
  const instructionLengthAt = 10 + numberOfContours * 2;
  const instructionLength = source.readUInt16BE(instructionLengthAt);
  const rest = source.subarray(instructionLengthAt + 2 + instructionLength);
  const bytes = padded(instructionLengthAt + 2 + rest.length);
  bytes.set(source.subarray(0, instructionLengthAt), 0);
  // instruction length stays 0 (the buffer is zero-filled)
  bytes.set(rest, instructionLengthAt + 2);
  return { bytes, components: [], componentIdOffsets: [] };
}

function stripCompositeGlyph(source: Buffer): GlyphData {
  const components: number[] = [];
  const componentIdOffsets: number[] = [];
  let at = 10;
  let flags: number;
  do {
    flags = source.readUInt16BE(at);
    components.push(source.readUInt16BE(at + 2));
    componentIdOffsets.push(at + 2);
    at += 4 + (flags & COMPOSITE_ARGS_ARE_WORDS ? 4 : 2);
    if (flags & COMPOSITE_HAS_SCALE) at += 2;
    else if (flags & COMPOSITE_HAS_XY_SCALE) at += 4;
    else if (flags & COMPOSITE_HAS_2X2) at += 8;
  } while (flags & COMPOSITE_MORE_COMPONENTS);
  const bytes = padded(at);
  bytes.set(source.subarray(0, at), 0);
  for (const idOffset of componentIdOffsets) {
    const flagsAt = idOffset - 2;
    const cleared = ((bytes[flagsAt] << 8) | bytes[flagsAt + 1]) & ~COMPOSITE_HAS_INSTRUCTIONS;
    bytes[flagsAt] = cleared >> 8;
    bytes[flagsAt + 1] = cleared & 0xff;
  }
  return { bytes, components, componentIdOffsets };
}
