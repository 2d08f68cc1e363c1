export const ONBOARDING_ERRORS = {
  /** Unknown, used, expired or superseded link, or its user may not sign in (never said which). */
  PASSWORD_TOKEN_INVALID: 400,
  /** Resending an invitation to a user who has a password already. */
  ALREADY_ACTIVATED: 409,
  /** "Forgot password" over the per-IP or per-address budget; see Retry-After. */
  TOO_MANY_PASSWORD_RESETS: 429,
} as const;
