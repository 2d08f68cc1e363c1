import { createHash, randomBytes } from 'node:crypto';

export type PasswordTokenPurpose = 'invite' | 'reset';

/** 32 random bytes, base64url: what the link carries. Only its SHA-256 is stored. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newPasswordToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashPasswordToken(token) };
}

export function hashPasswordToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A string that cannot be one of our tokens is refused before any lookup. */
export function isWellFormedPasswordToken(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

export interface PasswordTokenTtl {
  inviteTtlHours: number;
  resetTtlMinutes: number;
}

export function passwordTokenExpiry(
  purpose: PasswordTokenPurpose,
  issuedAt: Date,
  ttl: PasswordTokenTtl,
): Date {
  const ms = purpose === 'invite' ? ttl.inviteTtlHours * 3_600_000 : ttl.resetTtlMinutes * 60_000;
  return new Date(issuedAt.getTime() + ms);
}

/** The same condition the claiming UPDATE uses: never used and not yet expired. */
export function isPasswordTokenUsable(
  token: { usedAt: Date | null; expiresAt: Date },
  now: Date,
): boolean {
  return token.usedAt === null && token.expiresAt.getTime() > now.getTime();
}

/** Where the link in the mail lands (the web app serves both pages). */
export function passwordTokenPath(purpose: PasswordTokenPurpose, token: string): string {
  const page = purpose === 'invite' ? '/set-password' : '/reset-password';
  return `${page}?token=${encodeURIComponent(token)}`;
}
