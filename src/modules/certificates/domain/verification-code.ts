import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'; // RFC 4648 base32
export const VERIFICATION_CODE_LENGTH = 26; // ceil(128 / 5)
const CODE_SHAPE = /^[A-Z2-7]{26}$/;

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** 128 random bits; never derived from certificate data, so it cannot be guessed from it. */
export function generateVerificationCode(random: (n: number) => Uint8Array = randomBytes): string {
  return base32(random(16));
}

/** Upper-cases and checks the shape; null when it cannot be a code (treated as unknown). */
export function normalizeVerificationCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return CODE_SHAPE.test(code) ? code : null;
}
