import { DomainError } from '../../common/errors/domain-error';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from './domain/password-policy';

/** Throws the stable 422 code for a password the policy refuses. */
export function assertAcceptablePassword(password: string, email?: string | null): void {
  switch (passwordProblem(password, email)) {
    case 'too_short':
      throw new DomainError(
        'PASSWORD_TOO_SHORT',
        `The password must have at least ${PASSWORD_MIN_LENGTH} characters`,
        { minLength: PASSWORD_MIN_LENGTH },
      );
    case 'too_long':
      throw new DomainError(
        'PASSWORD_TOO_LONG',
        `The password must have at most ${PASSWORD_MAX_LENGTH} characters`,
        { maxLength: PASSWORD_MAX_LENGTH },
      );
    case 'too_common':
      throw new DomainError(
        'PASSWORD_TOO_COMMON',
        'This password is too common or too easy to guess; choose another one',
      );
    case null:
      return;
  }
}
