export const USER_ERRORS = {
  /** HR: the e-mail is registered already (in this or another organization; not said which). */
  EMPLOYEE_CONFLICT: 409,
} as const;
