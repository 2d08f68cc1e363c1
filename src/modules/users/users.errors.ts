export const USER_ERRORS = {
  /** HR: the e-mail is registered already (in this or another organization; not said which). */
  EMPLOYEE_CONFLICT: 409,
  /** Password rules (NIST SP 800-63B): length 8-256 and not on the shipped common list. */
  PASSWORD_TOO_SHORT: 422,
  PASSWORD_TOO_LONG: 422,
  PASSWORD_TOO_COMMON: 422,
} as const;
