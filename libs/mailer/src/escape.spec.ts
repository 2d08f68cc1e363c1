import { escapeHtml, sanitizeSubject, toSingleLine } from './escape';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('toSingleLine / sanitizeSubject', () => {
  it('replaces line breaks and other control characters with a space', () => {
    expect(toSingleLine('  Ahli K3\r\n\tUmum\u2028x\u0000y ')).toBe('Ahli K3 Umum x y');
  });

  it('never lets CR or LF through into a subject', () => {
    const subject = sanitizeSubject('Pengingat\r\nBcc: victim@example.com\rX-Evil: 1\n');
    expect(subject).toBe('Pengingat Bcc: victim@example.com X-Evil: 1');
  });
});
