import { hex4 } from '../pdf/hex';

const HEADER =
  '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
  '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
  '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
const FOOTER =
  'endcmap\nCMapName currentdict /CIDInit /ProcSet findresource exch defineresource pop\nend\nend\n';

/** ToUnicode CMap (CID -> UTF-16BE) so that text can be searched and extracted. */
export function toUnicodeCMap(unicode: readonly string[]): string {
  const entries: string[] = [];
  for (let cid = 0; cid < unicode.length; cid++) {
    const text = unicode[cid];
    if (!text) continue;
    let utf16 = '';
    for (let i = 0; i < text.length; i++) utf16 += hex4(text.charCodeAt(i));
    entries.push(`<${hex4(cid)}> <${utf16}>`);
  }
  let body = '';
  // At most 100 mappings per bfchar block.
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    body += `${block.length} beginbfchar\n${block.join('\n')}\nendbfchar\n`;
  }
  return HEADER + body + FOOTER;
}
