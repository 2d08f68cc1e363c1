import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
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

/** The single place where errors become HTTP responses: stable body, never a stack trace. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = this.toBody(exception, String(request.id ?? ''));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (exception instanceof DomainError && body.statusCode === 429) {
      const retryAfter = (exception.details as { retryAfterSeconds?: number } | undefined)
        ?.retryAfterSeconds;
      if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    }
    void reply.status(body.statusCode).send(body);
  }

  toBody(exception: unknown, requestId: string): ErrorBody {
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
    if (isFastifyError(exception) && exception.statusCode >= 400 && exception.statusCode < 500) {
      const statusCode = exception.statusCode;
      return {
        statusCode,
        error: HTTP_STATUS_CODES[statusCode] ?? 'BAD_REQUEST',
        message: exception.message,
        details: { cause: exception.code },
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
