/** HTTP status of every code the admin audit viewer throws; combined into ErrorCode in src/common/errors. */
export const ADMIN_AUDIT_ERRORS = {
  /** `from` is not before `to`. */
  AUDIT_LOG_DATE_RANGE_INVALID: 400,
} as const satisfies Record<string, number>;
