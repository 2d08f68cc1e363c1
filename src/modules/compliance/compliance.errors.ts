/** HTTP status of every code the compliance module throws; combined into ErrorCode in src/common/errors. */
export const COMPLIANCE_ERRORS = {
  COMPLIANCE_ORGANIZATION_REQUIRED: 400,
} as const satisfies Record<string, number>;
