function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/**
 * Removes what XML 1.0 cannot represent at all: control characters, lone surrogates and
 * U+FFFE/U+FFFF. The parser applies it too, so that whatever it returns can be written back.
 */
export function withoutInvalidXmlChars(value: string): string {
  let clean = true;
  for (const char of value) {
    if (!isXmlChar(char.codePointAt(0) ?? 0)) {
      clean = false;
      break;
    }
  }
  if (clean) {
    return value;
  }
  let result = '';
  for (const char of value) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) {
      result += char;
    }
  }
  return result;
}
