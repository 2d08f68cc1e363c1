import fontkit from '@pdf-lib/fontkit';
import { certificateFonts } from './fonts';
import { FontSubset } from './subset';
import { toUnicodeCMap } from './to-unicode';

const { regular, bold } = certificateFonts();

describe('TrueTypeFont', () => {
  it('maps Unicode to glyphs and reads metrics', () => {
    const ttf = regular.ttf;
    expect(ttf.postScriptName).toBe('DejaVuSans');
    expect(bold.ttf.postScriptName).toBe('DejaVuSans-Bold');
    expect(ttf.metrics.unitsPerEm).toBe(2048);
    for (const ch of 'AĐặŁżŞ€')
      expect(ttf.glyphIdForCodePoint(ch.codePointAt(0)!)).toBeGreaterThan(0);
    expect(ttf.glyphIdForCodePoint(0x4e2d)).toBe(0); // no CJK in DejaVu Sans
    expect(regular.advanceOf(ttf.glyphIdForCodePoint(0x20))).toBe(318);
  });

  it('kerns pairs such as "AV"', () => {
    const shaped = bold.shape('AV');
    expect(shaped.kerns[0]).toBeLessThan(0);
  });
});

describe('FontSubset', () => {
  function subsetOf(text: string) {
    const subset = new FontSubset(regular);
    const shaped = regular.shape(text);
    shaped.glyphs.forEach((glyph, i) => subset.cidFor(glyph, shaped.chars[i]));
    return subset;
  }

  it('builds a valid TrueType program holding only the used glyphs (with components)', () => {
    const subset = subsetOf('Ăn Ặng');
    const program = subset.buildTrueType();
    const font = fontkit.create(program) as unknown as {
      numGlyphs: number;
      getGlyph(id: number): { path: { commands: unknown[] }; advanceWidth: number };
    };
    expect(font.numGlyphs).toBe(subset.glyphIds.length);
    expect(font.numGlyphs).toBeLessThan(20);
    for (let cid = 1; cid < font.numGlyphs; cid++) {
      const original = subset.glyphIds[cid];
      expect(font.getGlyph(cid).advanceWidth).toBe(regular.ttf.advances[original]);
      if (subset.unicode[cid] !== ' ') {
        expect(font.getGlyph(cid).path.commands.length).toBeGreaterThan(0);
      }
    }
    expect(program.length).toBeLessThan(4000);
  });

  it('renumbers composite glyph components into the subset', () => {
    const subset = subsetOf('Ặ');
    const gid = subset.glyphIds[1];
    const components = regular.ttf.glyph(gid).components;
    expect(components.length).toBeGreaterThan(0); // DejaVu builds Ặ from parts
    subset.buildTrueType();
    for (const component of components) expect(subset.glyphIds).toContain(component);
  });

  it('maps every CID back to its text in the ToUnicode CMap', () => {
    const subset = subsetOf('Şükrü \u{1F600}');
    const cmap = toUnicodeCMap(subset.unicode);
    expect(cmap).toContain('<0001> <015E>'); // Ş
    expect(cmap).toContain('<D83DDE00>'); // emoji as a UTF-16 surrogate pair, drawn as .notdef
    const mappings = cmap.slice(cmap.indexOf('beginbfchar'), cmap.indexOf('endbfchar'));
    expect(mappings.match(/<[0-9A-F]{4}> <[0-9A-F]+>/g)).toHaveLength(subset.glyphIds.length - 1);
  });
});
