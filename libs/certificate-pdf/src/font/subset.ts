import { ShapingFont } from './shaped-text';

/**
 * Per-document font subset. Glyphs get compact new ids (CIDs) in order of first use, so the
 * embedded TrueType holds only those glyphs and /CIDToGIDMap can stay /Identity.
 */
export class FontSubset {
  /** Original glyph id for each CID (CID 0 is .notdef). */
  readonly glyphIds: number[] = [0];
  /** Unicode text for each CID ('' = no mapping). */
  readonly unicode: string[] = [''];
  private readonly cidByKey = new Map<number, number>();

  constructor(readonly font: ShapingFont) {}

  /** CID for a shaped glyph (negative = missing character drawn as .notdef). */
  cidFor(glyph: number, text: string): number {
    let cid = this.cidByKey.get(glyph);
    if (cid === undefined) {
      cid = this.glyphIds.length;
      this.cidByKey.set(glyph, cid);
      this.glyphIds.push(glyph > 0 ? glyph : 0);
      this.unicode.push(text);
    }
    return cid;
  }

  /** Width of every CID in glyph space, for the /W array. */
  widths(): number[] {
    return this.glyphIds.map((gid) => this.font.advanceOf(gid));
  }

  /**
   * Builds the TrueType program (glyf, head, hhea, hmtx, loca, maxp). Components of
   * composite glyphs are appended as extra CIDs and their references renumbered.
   * Call after all text has been encoded.
   */
  buildTrueType(): Buffer {
    const ttf = this.font.ttf;
    for (let cid = 1; cid < this.glyphIds.length; cid++) {
      for (const component of ttf.glyph(this.glyphIds[cid]).components) {
        this.cidFor(component, '');
      }
    }
    const count = this.glyphIds.length;

    let glyfLength = 0;
    for (const gid of this.glyphIds) glyfLength += ttf.glyph(gid).bytes.length;
    const glyf = Buffer.alloc(glyfLength);
    const loca = Buffer.alloc((count + 1) * 4);
    const hmtx = Buffer.alloc(count * 4);
    let at = 0;
    for (let cid = 0; cid < count; cid++) {
      const gid = this.glyphIds[cid];
      const glyph = ttf.glyph(gid);
      loca.writeUInt32BE(at, cid * 4);
      glyf.set(glyph.bytes, at);
      for (let c = 0; c < glyph.components.length; c++) {
        glyf.writeUInt16BE(
          this.cidByKey.get(glyph.components[c])!,
          at + glyph.componentIdOffsets[c],
        );
      }
      at += glyph.bytes.length;
      hmtx.writeUInt16BE(ttf.advances[gid], cid * 4);
      hmtx.writeInt16BE(ttf.leftSideBearings[gid], cid * 4 + 2);
    }
    loca.writeUInt32BE(at, count * 4);

    const head = Buffer.from(ttf.head);
    head.writeUInt32BE(0, 8); // checkSumAdjustment, filled in below
    head.writeInt16BE(1, 50); // indexToLocFormat: long offsets
    const hhea = Buffer.from(ttf.hhea);
    hhea.writeUInt16BE(count, 34);
    const maxp = Buffer.from(ttf.maxp);
    maxp.writeUInt16BE(count, 4);

    const tables: [string, Buffer][] = [
      ['glyf', glyf],
      ['head', head],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', loca],
      ['maxp', maxp],
    ];
    const { file, offsets } = assembleSfnt(tables);
    file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, offsets.get('head')! + 8);
    return file;
  }
}

/** Tables must be given sorted by tag. Returns the file and each table's offset in it. */
function assembleSfnt(tables: [string, Buffer][]): { file: Buffer; offsets: Map<string, number> } {
  const numTables = tables.length;
  const directoryLength = 12 + numTables * 16;
  let total = directoryLength;
  for (const [, data] of tables) total += (data.length + 3) & ~3;
  const file = Buffer.alloc(total);
  let entrySelector = 0;
  while (1 << (entrySelector + 1) <= numTables) entrySelector++;
  const searchRange = (1 << entrySelector) * 16;
  file.writeUInt32BE(0x00010000, 0);
  file.writeUInt16BE(numTables, 4);
  file.writeUInt16BE(searchRange, 6);
  file.writeUInt16BE(entrySelector, 8);
  file.writeUInt16BE(numTables * 16 - searchRange, 10);
  const offsets = new Map<string, number>();
  let offset = directoryLength;
  tables.forEach(([tag, data], i) => {
    offsets.set(tag, offset);
    const record = 12 + i * 16;
    file.write(tag, record, 'latin1');
    file.writeUInt32BE(checksum(data), record + 4);
    file.writeUInt32BE(offset, record + 8);
    file.writeUInt32BE(data.length, record + 12);
    file.set(data, offset);
    offset += (data.length + 3) & ~3;
  });
  return { file, offsets };
}

function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}
