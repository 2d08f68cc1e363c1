import type { TFunction } from 'i18next';
import { ApiError } from '../../app/api';
import { LoginError } from '../../app/session';

const PASSWORD_CODES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_TOO_LONG',
  'PASSWORD_TOO_COMMON',
  'PASSWORD_TOKEN_INVALID',
  'TOO_MANY_PASSWORD_RESETS',
];

/** The server's refusal in words; other codes fall back to the shared error texts. */
export function passwordErrorText(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError || error instanceof LoginError ? error.code : 'UNKNOWN';
  if (PASSWORD_CODES.includes(code)) return t(`account.errors.${code}`);
  return t(`errors.${code}`, { defaultValue: t('errors.generic') });
}
