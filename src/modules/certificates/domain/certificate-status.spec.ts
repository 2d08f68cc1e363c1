import { effectiveStatus, expiryFrom } from './certificate-status';

describe('effectiveStatus', () => {
  const now = new Date('2027-06-01T00:00:00Z');

  it('derives valid and expired from expires_at', () => {
    expect(effectiveStatus({ status: 'issued', expiresAt: null }, now)).toBe('valid');
    expect(effectiveStatus({ status: 'issued', expiresAt: new Date('2027-06-02') }, now)).toBe(
      'valid',
    );
    expect(effectiveStatus({ status: 'issued', expiresAt: new Date('2027-05-31') }, now)).toBe(
      'expired',
    );
  });

  it('keeps revoked, superseded, pending and failed whatever the expiry', () => {
    const past = new Date('2020-01-01');
    expect(effectiveStatus({ status: 'revoked', expiresAt: past }, now)).toBe('revoked');
    expect(effectiveStatus({ status: 'superseded', expiresAt: past }, now)).toBe('superseded');
    expect(effectiveStatus({ status: 'pending', expiresAt: null }, now)).toBe('pending');
    expect(effectiveStatus({ status: 'failed', expiresAt: null }, now)).toBe('failed');
  });
});

describe('expiryFrom', () => {
  it('adds whole months and clamps to the end of shorter months', () => {
    expect(expiryFrom(new Date('2026-03-15T03:00:00Z'), 36)?.toISOString()).toBe(
      '2029-03-15T03:00:00.000Z',
    );
    expect(expiryFrom(new Date('2026-01-31T10:00:00Z'), 1)?.toISOString()).toBe(
      '2026-02-28T10:00:00.000Z',
    );
    expect(expiryFrom(new Date('2027-12-31T10:00:00Z'), 2)?.toISOString()).toBe(
      '2028-02-29T10:00:00.000Z',
    );
  });

  it('means no expiry for 0 months', () => {
    expect(expiryFrom(new Date('2026-01-01'), 0)).toBeNull();
  });
});
