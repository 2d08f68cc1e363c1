import { COMMON_PASSWORDS_TEXT } from './common-passwords';
import { isCommonPassword, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it('refuses fewer than 8 characters, counting code points', () => {
    expect(passwordProblem('')).toBe('too_short');
    expect(passwordProblem('a7$kQ2x')).toBe('too_short');
    expect(passwordProblem('😀😀😀😀😀😀😀')).toBe('too_short');
    expect(passwordProblem('a7$kQ2xz')).toBeNull();
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('x7'.repeat(128))).toBeNull();
    expect(passwordProblem('x7'.repeat(128) + 'y')).toBe('too_long');
  });

  it('refuses common passwords whatever their case, Indonesian ones included', () => {
    for (const common of [
      'password',
      'PASSWORD1',
      '12345678',
      'Qwerty123',
      'iloveyou',
      'admin123',
    ]) {
      expect(passwordProblem(common)).toBe('too_common');
    }
    for (const common of ['bismillah', 'Indonesia', 'sayang123', 'rahasia123', 'jakarta123']) {
      expect(passwordProblem(common)).toBe('too_common');
    }
  });

  it('has no composition rules: long all-lowercase or all-digit phrases pass', () => {
    expect(passwordProblem('correct horse battery')).toBeNull();
    expect(passwordProblem('kopi tubruk pagi hari')).toBeNull();
    expect(passwordProblem('80413927')).toBeNull();
  });

  it("refuses the user's own e-mail address or its local part", () => {
    expect(passwordProblem('siti.rahayu@pt-maju.co.id', 'siti.rahayu@pt-maju.co.id')).toBe(
      'too_common',
    );
    expect(passwordProblem('Siti.Rahayu', 'siti.rahayu@pt-maju.co.id')).toBe('too_common');
    expect(passwordProblem('siti.rahayu!', 'siti.rahayu@pt-maju.co.id')).toBeNull();
  });

  it('ships a lower-cased list of about a thousand entries, none of the passwords tests use', () => {
    const entries = COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean);
    expect(entries.length).toBeGreaterThan(1000);
    expect(entries.every((e) => e === e.toLowerCase() && e === e.trim())).toBe(true);
    for (const used of ['correct horse battery', 'a long password', 'long enough pw']) {
      expect(isCommonPassword(used)).toBe(false);
    }
  });
});
