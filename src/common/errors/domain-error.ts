import type { ErrorCode } from './error-codes';

/**
 * The one error type services throw. The code is stable and part of the API contract;
 * the global filter maps it to an HTTP status through ERROR_STATUS (error-codes.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, details?: unknown) =>
  new DomainError('NOT_FOUND', `${what} not found`, details);
