/** HTTP status of every code the certificates module throws; combined into ErrorCode in src/common/errors. */
export const CERTIFICATE_ERRORS = {
  CERTIFICATE_NOT_ISSUED: 409,
  CERTIFICATE_NOT_REVOCABLE: 409,
  CERTIFICATE_NOT_REISSUABLE: 409,
  CERTIFICATE_NOT_RETRYABLE: 409,
  CERTIFICATE_NOT_RENEWABLE: 409,
  TOO_MANY_VERIFICATIONS: 429,
  CREDENTIAL_MALFORMED: 400,
} as const satisfies Record<string, number>;
