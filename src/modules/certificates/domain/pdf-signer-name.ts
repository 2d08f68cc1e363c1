/**
 * The human form of the PDF signing certificate's subject, as stored in
 * `certificates.pdf_signer_subject`: "CN (O)", or just one of them when the other is missing or
 * the same. `null` (a certificate issued before signers were recorded) stays `null`: no
 * signature is claimed that was not recorded.
 *
 * The stored subject is Node's `X509Certificate#subject`: one `TYPE=value` per line, the
 * attributes of a multi-valued RDN joined by " + ", values escaped as RFC 4514 does
 * (`\,` `\"` `\+` …, control characters as `\XX` hex).
 */
export function pdfSignerName(subject: string | null): string | null {
  if (!subject?.trim()) return null;
  const attributes = subject
    .split('\n')
    .flatMap((line) => splitUnescaped(line, ' + '))
    .map((attribute) => {
      const eq = attribute.indexOf('=');
      return eq < 0
        ? { type: '', value: unescapeValue(attribute) }
        : { type: attribute.slice(0, eq).trim(), value: unescapeValue(attribute.slice(eq + 1)) };
    })
    .filter((a) => a.value.length > 0);
  const first = (type: string) => attributes.find((a) => a.type.toUpperCase() === type)?.value;
  const commonName = first('CN');
  const organization = first('O');
  if (commonName && organization && commonName !== organization) {
    return `${commonName} (${organization})`;
  }
  return commonName ?? organization ?? (attributes.map((a) => a.value).join(', ') || null);
}

/** Splits on `separator` where it is not preceded by an escaping backslash. */
function splitUnescaped(line: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '\\') {
      i += 1;
    } else if (line.startsWith(separator, i)) {
      parts.push(line.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

function unescapeValue(value: string): string {
  const bytes: number[] = [];
  let text = '';
  const flush = () => {
    if (bytes.length) text += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < value.length; i += 1) {
    const c = value[i];
    if (c === '\\' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
      continue;
    }
    flush();
    if (c === '\\' && i + 1 < value.length) {
      text += value[i + 1];
      i += 1;
    } else {
      text += c;
    }
  }
  flush();
  // Control characters (a newline hidden in a name) never reach the page as such.
  return [...text]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}
