import {
  base32,
  generateVerificationCode,
  normalizeVerificationCode,
  VERIFICATION_CODE_LENGTH,
} from './verification-code';

describe('verification code', () => {
  it('encodes RFC 4648 test vectors', () => {
    const enc = (s: string) => base32(Buffer.from(s));
    expect(enc('f')).toBe('MY');
    expect(enc('fo')).toBe('MZXQ');
    expect(enc('foobar')).toBe('MZXW6YTBOI');
  });

  it('is 26 base32 characters carrying 16 random bytes', () => {
    const code = generateVerificationCode();
    expect(code).toMatch(/^[A-Z2-7]{26}$/);
    expect(code).toHaveLength(VERIFICATION_CODE_LENGTH);
    expect(generateVerificationCode(() => new Uint8Array(16))).toBe('A'.repeat(26));
    expect(generateVerificationCode(() => new Uint8Array(16).fill(255))).toBe('7'.repeat(25) + '4');
  });

  it('differs between calls', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => generateVerificationCode()));
    expect(codes.size).toBe(1000);
  });

  it('normalizes case and rejects anything that cannot be a code', () => {
    const code = generateVerificationCode();
    expect(normalizeVerificationCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(normalizeVerificationCode('ABC')).toBeNull();
    expect(normalizeVerificationCode('1'.repeat(26))).toBeNull();
    expect(normalizeVerificationCode(`${code}A`)).toBeNull();
  });
});
