import { createHash } from 'node:crypto';
import { FontSubset } from '../font/subset';
import { toUnicodeCMap } from '../font/to-unicode';
import { PdfWriter } from './writer';

/**
 * Writes a subset as a Type0 / CIDFontType2 font with Identity-H encoding (2-byte CIDs,
 * CID = glyph id of the subset program), /W widths and a ToUnicode CMap. The Type0 font
 * dictionary goes into the pre-allocated object `fontId` that the page resources reference.
 */
export function writeType0Font(writer: PdfWriter, fontId: number, subset: FontSubset): void {
  const ttf = subset.font.ttf;
  const program = subset.buildTrueType();
  const widths = subset.widths();
  const baseFont = `${subsetTag(ttf.postScriptName, subset.glyphIds)}+${ttf.postScriptName}`;
  const scale = subset.font.unitsToGlyphSpace;
  const m = ttf.metrics;
  const s = (value: number) => Math.round(value * scale);

  const cidFontId = writer.allocate();
  const descriptorId = writer.allocate();
  const fileId = writer.allocate();
  const toUnicodeId = writer.allocate();

  writer.object(
    fontId,
    `<< /Type /Font /Subtype /Type0 /BaseFont /${baseFont} /Encoding /Identity-H ` +
      `/DescendantFonts [${cidFontId} 0 R] /ToUnicode ${toUnicodeId} 0 R >>`,
  );
  writer.object(
    cidFontId,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${baseFont} ` +
      `/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
      `/FontDescriptor ${descriptorId} 0 R /CIDToGIDMap /Identity ` +
      `/DW ${widths[0]} /W [0 [${widths.join(' ')}]] >>`,
  );
  writer.object(
    descriptorId,
    `<< /Type /FontDescriptor /FontName /${baseFont} /Flags 32 ` +
      `/FontBBox [${m.bbox.map(s).join(' ')}] /ItalicAngle ${m.italicAngle} ` +
      `/Ascent ${s(m.ascender)} /Descent ${s(m.descender)} /CapHeight ${s(m.capHeight)} ` +
      `/StemV ${/bold/i.test(ttf.postScriptName) ? 140 : 80} /FontFile2 ${fileId} 0 R >>`,
  );
  writer.deflatedStream(fileId, `/Length1 ${program.length}`, program);
  writer.deflatedStream(toUnicodeId, '', toUnicodeCMap(subset.unicode));
}

/** Six capital letters identifying the subset (PDF 32000-1, 9.6.4), stable for equal subsets. */
function subsetTag(name: string, glyphIds: readonly number[]): string {
  const digest = createHash('md5').update(name).update(glyphIds.join(',')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i] % 26));
  return tag;
}
