const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

// C0 controls (CR, LF, TAB, NUL, ...), DEL and the Unicode line/paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const LINE_BREAKING_CHARS = /[\u0000-\u001f\u007f\u2028\u2029]+/g;

/** Puts a value on one line, so it cannot start a new line in plain text or in a header. */
export function toSingleLine(value: string): string {
  return value.replace(LINE_BREAKING_CHARS, ' ').trim();
}

/** Subjects end up in a mail header: no control character may survive (header injection). */
export function sanitizeSubject(subject: string): string {
  return toSingleLine(subject);
}
