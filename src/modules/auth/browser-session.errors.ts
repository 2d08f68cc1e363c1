export const BROWSER_SESSION_ERRORS = {
  /** A cookie-authenticated request without the CSRF header or from another origin. */
  CSRF_REJECTED: 403,
} as const satisfies Record<string, number>;
