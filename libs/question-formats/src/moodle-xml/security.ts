/**
 * Finds a DOCTYPE or ENTITY declaration outside CDATA sections and comments. Documents with
 * one are refused before parsing, so no entity (internal, external or recursive) is ever
 * defined or expanded. Runs in linear time.
 */
export function findDtdDeclaration(xml: string): number {
  let index = xml.indexOf('<!');
  while (index !== -1) {
    if (xml.startsWith('<![CDATA[', index)) {
      const end = xml.indexOf(']]>', index + 9);
      if (end === -1) {
        return -1;
      }
      index = xml.indexOf('<!', end + 3);
      continue;
    }
    if (xml.startsWith('<!--', index)) {
      const end = xml.indexOf('-->', index + 4);
      if (end === -1) {
        return -1;
      }
      index = xml.indexOf('<!', end + 3);
      continue;
    }
    const keyword = xml.slice(index + 2, index + 9).toUpperCase();
    if (keyword.startsWith('DOCTYPE') || keyword.startsWith('ENTITY')) {
      return index;
    }
    index = xml.indexOf('<!', index + 2);
  }
  return -1;
}
