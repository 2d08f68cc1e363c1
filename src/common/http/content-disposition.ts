const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` so every client gets a
 * usable name and modern ones get the exact UTF-8 one (RFC 6266 / 5987).
 */
export function attachmentDisposition(name: string): string {
  // encodeURIComponent throws on a lone surrogate; a stored name should never hold one.
  const filename = name.replace(LONE_SURROGATE, '\uFFFD');
  const ascii = filename
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/gu, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
