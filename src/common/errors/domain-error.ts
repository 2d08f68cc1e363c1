/**
 * The one error type services throw. The code is stable and part of the API contract;
 * the global filter maps it to an HTTP status through ERROR_STATUS.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Status for every code any module throws. Unknown codes map to 400. */
export const ERROR_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_CURSOR: 400,
  INVALID_TEXT: 400,
  MALFORMED_JSON: 400,
  JSON_TOO_DEEP: 400,
  EMPTY_JSON_BODY: 400,
  MALFORMED_MULTIPART: 400,
  INVALID_CONTENT_LENGTH: 400,
  CSV_INVALID: 422,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  REFRESH_TOKEN_REUSED: 401,
  ACCOUNT_INACTIVE: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  EMPLOYEE_ID_TAKEN: 409,
  ORGANIZATION_CODE_TAKEN: 409,
  ORGANIZATION_REQUIRED: 422,
  ORGANIZATION_NOT_ALLOWED: 422,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_LOGIN_ATTEMPTS: 429,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
};

export function registerErrorStatuses(statuses: Record<string, number>): void {
  Object.assign(ERROR_STATUS, statuses);
}

export const notFound = (what: string, details?: unknown) =>
  new DomainError('NOT_FOUND', `${what} not found`, details);
