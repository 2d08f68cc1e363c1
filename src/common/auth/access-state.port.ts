import type { VerifiedAccessToken } from './access-token.verifier';

/**
 * Decides whether a correctly signed, unexpired access token may still be used: its user and
 * organization are active, the user's token version has not moved on, its session was not
 * logged out. Implemented by the auth module; the guard only knows this port.
 */
export abstract class AccessStatePort {
  /** Resolves when the token may be used; throws DomainError('UNAUTHENTICATED') otherwise. */
  abstract assertUsable(token: VerifiedAccessToken): Promise<void>;
}
