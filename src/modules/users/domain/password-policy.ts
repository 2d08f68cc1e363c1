import { COMMON_PASSWORDS_TEXT } from './common-passwords';

/** NIST SP 800-63B: length and a blocklist, no composition rules. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common';

const COMMON = new Set(
  COMMON_PASSWORDS_TEXT.split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
);

/**
 * Why a password is refused, or null. Length counts code points (an emoji is one character),
 * the blocklist is compared case-insensitively, and the user's own e-mail address or its local
 * part counts as common.
 */
export function passwordProblem(password: string, email?: string | null): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  const folded = password.trim().toLowerCase();
  if (COMMON.has(folded)) return 'too_common';
  if (email) {
    const address = email.trim().toLowerCase();
    const localPart = address.split('@')[0];
    if (folded === address || (localPart && folded === localPart)) return 'too_common';
  }
  return null;
}

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase());
}
