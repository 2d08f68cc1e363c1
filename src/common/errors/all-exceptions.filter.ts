import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseBusy } from '../../database/pg-errors';
import { DomainError } from './domain-error';
import { statusOf } from './error-codes';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId: string;
}

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own errors (body parser, multipart) carry a `code` and `statusCode`. */
function isFastifyError(e: unknown): e is { statusCode: number; code: string; message: string } {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { statusCode?: unknown }).statusCode === 'number' &&
    typeof (e as { code?: unknown }).code === 'string'
  );
}

/** Stable codes for the errors Fastify and its plugins raise before a handler runs. */
const FASTIFY_CODES: Record<string, { statusCode: number; error: string }> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { statusCode: 400, error: 'EMPTY_JSON_BODY' },
  FST_ERR_CTP_INVALID_JSON_BODY: { statusCode: 400, error: 'MALFORMED_JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { statusCode: 413, error: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { statusCode: 400, error: 'INVALID_CONTENT_LENGTH' },
  FST_ERR_CTP_INVALID_TYPE: { statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_BAD_URL: { statusCode: 400, error: 'BAD_URL' },
  FST_ERR_MAX_PARAM_LENGTH: { statusCode: 414, error: 'URI_TOO_LONG' },
  FST_ERR_ASYNC_CONSTRAINT: { statusCode: 400, error: 'BAD_REQUEST' },
  FST_PROTO_VIOLATION: { statusCode: 400, error: 'MALFORMED_MULTIPART' },
  FST_MP_PREMATURE_CLOSE: { statusCode: 400, error: 'MALFORMED_MULTIPART' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { statusCode: 415, error: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_REQ_FILE_TOO_LARGE: { statusCode: 413, error: 'PAYLOAD_TOO_LARGE' },
  FST_PARTS_LIMIT: { statusCode: 413, error: 'PAYLOAD_TOO_LARGE' },
  FST_FILES_LIMIT: { statusCode: 413, error: 'PAYLOAD_TOO_LARGE' },
  FST_FIELDS_LIMIT: { statusCode: 413, error: 'PAYLOAD_TOO_LARGE' },
  FST_NO_FORM_DATA: { statusCode: 400, error: 'MALFORMED_MULTIPART' },
  FST_INVALID_JSON_FIELD_ERROR: { statusCode: 400, error: 'MALFORMED_MULTIPART' },
  FST_FILE_BUFFER_NOT_FOUND: { statusCode: 400, error: 'MALFORMED_MULTIPART' },
};

/** A JSON.parse failure inside Fastify's body parser: a SyntaxError marked 400. */
function isJsonSyntaxError(e: unknown): e is SyntaxError & { statusCode: number } {
  return e instanceof SyntaxError && (e as { statusCode?: unknown }).statusCode === 400;
}

/** Body for an error raised by Fastify or one of its plugins; null for anything else. */
function fastifyErrorBody(exception: unknown, requestId: string): ErrorBody | null {
  if (isJsonSyntaxError(exception)) {
    return {
      statusCode: 400,
      error: 'MALFORMED_JSON',
      message: 'The request body is not valid JSON',
      requestId,
    };
  }
  if (!isFastifyError(exception)) return null;
  const known = FASTIFY_CODES[exception.code];
  if (known) {
    return { ...known, message: exception.message, details: { cause: exception.code }, requestId };
  }
  if (exception.statusCode >= 400 && exception.statusCode < 500) {
    return {
      statusCode: exception.statusCode,
      error: HTTP_STATUS_CODES[exception.statusCode] ?? 'BAD_REQUEST',
      message: exception.message,
      details: { cause: exception.code },
      requestId,
    };
  }
  return null;
}

/** Seconds a client is told to wait after a 503 DATABASE_BUSY: a surge clears in about that. */
export const DATABASE_BUSY_RETRY_AFTER_SECONDS = 2;

/** A pool or connection timeout becomes a 503 a client may retry, not an internal error. */
function databaseBusyError(e: unknown): DomainError | null {
  if (e instanceof DomainError || !isDatabaseBusy(e)) return null;
  return new DomainError('DATABASE_BUSY', 'The database is busy; retry shortly', {
    retryAfterSeconds: DATABASE_BUSY_RETRY_AFTER_SECONDS,
  });
}

function retryAfterOf(exception: unknown, statusCode: number): number | undefined {
  if (!(exception instanceof DomainError) || (statusCode !== 429 && statusCode !== 503)) {
    return undefined;
  }
  return (exception.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
}

/** The single place where errors become HTTP responses: stable body, never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(raised: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const exception = databaseBusyError(raised) ?? raised;
    const body = this.toBody(exception, String(request.id ?? ''));
    if (exception instanceof DomainError && exception.code === 'DATABASE_BUSY') {
      this.logger.warn(
        { requestId: body.requestId, cause: (raised as Error).message },
        'Database busy',
      );
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    const retryAfter = retryAfterOf(exception, body.statusCode);
    if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    // A route may have set another type (HTML, PDF, CSV) before failing.
    void reply
      .status(body.statusCode)
      .header('content-type', 'application/json; charset=utf-8')
      .send(body);
  }

  toBody(raised: unknown, requestId: string): ErrorBody {
    const exception = databaseBusyError(raised) ?? raised;
    const fromFastify =
      fastifyErrorBody(exception, requestId) ??
      (exception instanceof HttpException ? fastifyErrorBody(exception.cause, requestId) : null);
    if (fromFastify) return fromFastify;
    if (exception instanceof DomainError) {
      const statusCode = statusOf(exception.code);
      return {
        statusCode,
        error: exception.code,
        message: exception.message,
        ...(exception.details !== undefined ? { details: exception.details } : {}),
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse() as
        string | { message?: string | string[]; error?: string; code?: string; details?: unknown };
      const obj = typeof response === 'string' ? { message: response } : response;
      const code =
        obj.code ??
        (statusCode === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(String(obj.message))
          ? 'ROUTE_NOT_FOUND'
          : (HTTP_STATUS_CODES[statusCode] ?? 'HTTP_ERROR'));
      const message = Array.isArray(obj.message)
        ? obj.message.join('; ')
        : (obj.message ?? exception.message);
      return {
        statusCode,
        error: code,
        message,
        ...(obj.details !== undefined ? { details: obj.details } : {}),
        requestId,
      };
    }
    return {
      statusCode: 500,
      error: 'INTERNAL_ERROR',
      message: 'Internal server error',
      requestId,
    };
  }
}
