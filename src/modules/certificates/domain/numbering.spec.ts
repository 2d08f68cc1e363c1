import { formatCertificateNumber, yearIn } from './numbering';

describe('formatCertificateNumber', () => {
  const parts = { competencyCode: 'ak3u', year: 2026, sequence: 123 };

  it('formats the default pattern with a zero-padded per-year sequence', () => {
    expect(formatCertificateNumber('K3/{COMPETENCY}/{YYYY}/{SEQ6}', parts)).toBe(
      'K3/AK3U/2026/000123',
    );
  });

  it('supports other widths, an unpadded sequence and a two-digit year', () => {
    expect(formatCertificateNumber('{YY}-{COMPETENCY}-{SEQ3}', parts)).toBe('26-AK3U-123');
    expect(formatCertificateNumber('C{SEQ}', { ...parts, sequence: 7 })).toBe('C7');
  });

  it('never truncates a sequence longer than its width', () => {
    expect(formatCertificateNumber('{SEQ2}', { ...parts, sequence: 12345 })).toBe('12345');
  });

  it('rejects patterns without a sequence and non-positive sequences', () => {
    expect(() => formatCertificateNumber('K3/{YYYY}', parts)).toThrow(RangeError);
    expect(() => formatCertificateNumber('{SEQ6}', { ...parts, sequence: 0 })).toThrow(RangeError);
    expect(() => formatCertificateNumber('{SEQ6}', { ...parts, sequence: 1.5 })).toThrow(
      RangeError,
    );
  });

  it('leaves unknown braces alone', () => {
    expect(formatCertificateNumber('{X}/{SEQ4}', parts)).toBe('{X}/0123');
  });
});

describe('yearIn', () => {
  it('uses the local calendar year, not the UTC one', () => {
    const newYearsEveWib = new Date('2026-12-31T17:30:00Z'); // 00:30 on 1 Jan 2027 in Jakarta
    expect(yearIn(newYearsEveWib, 'Asia/Jakarta')).toBe(2027);
    expect(yearIn(newYearsEveWib, 'UTC')).toBe(2026);
  });
});
