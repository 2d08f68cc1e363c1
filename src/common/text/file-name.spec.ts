import { isStorableText } from '../http/input-guards';
import { cutByCodePoints, shortenFileName } from './file-name';

describe('file names', () => {
  it('cuts by code points, never inside a surrogate pair', () => {
    const name = `${'a'.repeat(199)}👷‍♀️ materi.pdf`;
    const short = shortenFileName(name, 200);
    expect(Array.from(short)).toHaveLength(200);
    expect(isStorableText(short)).toBe(true);
    expect(short.endsWith('.pdf')).toBe(true);
    expect(short.startsWith('a'.repeat(195))).toBe(true);
  });

  it('keeps the emoji whole when the cut falls right after it', () => {
    const cut = shortenFileName(`${'b'.repeat(9)}😀${'c'.repeat(20)}`, 10);
    expect(cut).toBe(`${'b'.repeat(9)}😀`);
    expect(cut.length).toBe(11); // 10 code points, 11 UTF-16 units
  });

  it('normalises to NFC before counting and drops control characters', () => {
    const decomposed = 'Pe\u0301ndahuluan\u0000.pdf';
    expect(shortenFileName(decomposed, 50)).toBe('P\u00e9ndahuluan.pdf');
  });

  it('replaces lone surrogates instead of keeping text PostgreSQL refuses', () => {
    expect(isStorableText(shortenFileName('a\uD800b.pdf', 50))).toBe(true);
  });

  it('leaves short names alone', () => {
    expect(shortenFileName('Modul K3.pptx', 200)).toBe('Modul K3.pptx');
    expect(cutByCodePoints('abc', 5)).toBe('abc');
    expect(cutByCodePoints('ab😀c', 3)).toBe('ab😀');
  });
});
