import { parseIsoTimestamp } from './iso-timestamp';

describe('parseIsoTimestamp', () => {
  it('accepts calendar dates and date-times with or without an offset', () => {
    expect(parseIsoTimestamp('2026-12-31T16:59:59Z')?.toISOString()).toBe(
      '2026-12-31T16:59:59.000Z',
    );
    expect(parseIsoTimestamp('2026-12-31T23:59:59+07:00')?.toISOString()).toBe(
      '2026-12-31T16:59:59.000Z',
    );
    expect(parseIsoTimestamp('2026-12-31T16:59:59.123456Z')).not.toBeNull();
    expect(parseIsoTimestamp('2026-12-31T16:59Z')).not.toBeNull();
    expect(parseIsoTimestamp('2026-12-31')?.toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(parseIsoTimestamp('2024-02-29T00:00:00Z')).not.toBeNull();
    expect(parseIsoTimestamp('1900-01-01T00:00:00Z')).not.toBeNull();
    expect(parseIsoTimestamp('9999-12-31T23:59:59Z')).not.toBeNull();
  });

  it.each([
    '2026-W01-1',
    '2026-W53-7T10:00:00Z',
    '2026-001',
    '2026-365T00:00:00Z',
    '20260101T000000Z',
    '+275760-09-13T00:00:00Z',
    '-000001-01-01T00:00:00Z',
    '0000-01-01T00:00:00Z',
    '1899-12-31T23:59:59Z',
    '10000-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2025-02-29',
    '2026-13-01',
    '2026-01-01T24:00:00Z',
    '2026-01-01T00:60:00Z',
    '2026-01-01T00:00:00+15:00',
    '2026',
    '2026-01',
    'P1D',
    'March 7, 2026',
    '1',
    '',
    '2026-01-01T00:00:00Z\u0000',
  ])('refuses %j', (value) => {
    expect(parseIsoTimestamp(value)).toBeNull();
  });

  it('refuses non-strings', () => {
    for (const value of [1735689600000, null, undefined, {}, ['2026-01-01']]) {
      expect(parseIsoTimestamp(value)).toBeNull();
    }
  });
});
