const XML_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const ENTITY_REFERENCE = /&(#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos);/g;

/**
 * Decodes only the five predefined XML entities and character references. Declared
 * entities are never registered, which makes entity-expansion attacks impossible even if
 * a DTD slipped past the pre-parse check.
 */
export const predefinedEntityDecoder = {
  setExternalEntities: (): void => undefined,
  addInputEntities: (): void => undefined,
  reset: (): void => undefined,
  setXmlVersion: (): void => undefined,
  decode: (text: string): string =>
    text.indexOf('&') === -1
      ? text
      : text.replace(ENTITY_REFERENCE, (match, name: string) => decodeReference(match, name)),
};

function decodeReference(match: string, name: string): string {
  if (name[0] !== '#') {
    return XML_ENTITIES[name];
  }
  const codePoint =
    name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  const allowed =
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff);
  return allowed ? String.fromCodePoint(codePoint) : match;
}
