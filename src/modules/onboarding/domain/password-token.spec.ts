import {
  hashPasswordToken,
  isPasswordTokenUsable,
  isWellFormedPasswordToken,
  newPasswordToken,
  passwordTokenExpiry,
  passwordTokenPath,
} from './password-token';

describe('password tokens', () => {
  it('are 256 random bits in base64url, stored as their SHA-256', () => {
    const a = newPasswordToken();
    const b = newPasswordToken();
    expect(a.token).not.toBe(b.token);
    expect(isWellFormedPasswordToken(a.token)).toBe(true);
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).toBe(hashPasswordToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
  });

  it('refuses strings that cannot be a token', () => {
    for (const bad of [
      '',
      'abc',
      `${newPasswordToken().token}x`,
      'a'.repeat(42) + '=',
      ' '.repeat(43),
    ]) {
      expect(isWellFormedPasswordToken(bad)).toBe(false);
    }
  });

  it('expire after INVITE_TTL_HOURS (invite) or RESET_TTL_MINUTES (reset)', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    const ttl = { inviteTtlHours: 72, resetTtlMinutes: 60 };
    expect(passwordTokenExpiry('invite', at, ttl).toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(passwordTokenExpiry('reset', at, ttl).toISOString()).toBe('2026-12-01T01:00:00.000Z');
  });

  it('are usable once and only before they expire', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const later = new Date('2026-12-01T12:00:01Z');
    expect(isPasswordTokenUsable({ usedAt: null, expiresAt: later }, now)).toBe(true);
    expect(isPasswordTokenUsable({ usedAt: null, expiresAt: now }, now)).toBe(false);
    expect(isPasswordTokenUsable({ usedAt: now, expiresAt: later }, now)).toBe(false);
  });

  it('link to /set-password (invite) and /reset-password (reset)', () => {
    expect(passwordTokenPath('invite', 'abc_-')).toBe('/set-password?token=abc_-');
    expect(passwordTokenPath('reset', 'abc_-')).toBe('/reset-password?token=abc_-');
  });
});
