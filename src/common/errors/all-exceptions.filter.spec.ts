import { HttpException } from '@nestjs/common';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { DomainError } from './domain-error';

const fastifyError = (code: string, statusCode: number, message = code) =>
  Object.assign(new Error(message), { code, statusCode });

describe('AllExceptionsFilter.toBody', () => {
  const filter = new AllExceptionsFilter();
  const codeOf = (e: unknown) => {
    const body = filter.toBody(e, 'req-1');
    return [body.statusCode, body.error, body.requestId];
  };

  it("gives Fastify's own errors stable codes, also when Nest wrapped them", () => {
    const empty = fastifyError('FST_ERR_CTP_EMPTY_JSON_BODY', 400);
    expect(codeOf(empty)).toEqual([400, 'EMPTY_JSON_BODY', 'req-1']);
    expect(codeOf(new HttpException('x', 400, { cause: empty }))).toEqual([
      400,
      'EMPTY_JSON_BODY',
      'req-1',
    ]);
    expect(codeOf(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413))).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
      'req-1',
    ]);
    expect(codeOf(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415))).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'req-1',
    ]);
    expect(codeOf(fastifyError('FST_ERR_MAX_PARAM_LENGTH', 414))).toEqual([
      414,
      'URI_TOO_LONG',
      'req-1',
    ]);
    expect(codeOf(fastifyError('FST_INVALID_MULTIPART_CONTENT_TYPE', 406))).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'req-1',
    ]);
  });

  it('maps a JSON syntax error from the body parser to MALFORMED_JSON', () => {
    const syntax = Object.assign(new SyntaxError('Unexpected end'), { statusCode: 400 });
    expect(codeOf(syntax)).toEqual([400, 'MALFORMED_JSON', 'req-1']);
  });

  it('keeps domain errors and hides everything else behind INTERNAL_ERROR', () => {
    expect(codeOf(new DomainError('INVALID_TEXT', 'x'))).toEqual([400, 'INVALID_TEXT', 'req-1']);
    expect(codeOf(new TypeError('boom'))).toEqual([500, 'INTERNAL_ERROR', 'req-1']);
    expect(codeOf(fastifyError('FST_SOMETHING', 500))).toEqual([500, 'INTERNAL_ERROR', 'req-1']);
  });

  it('turns pool and connection timeouts into 503 DATABASE_BUSY, other errors stay 500', () => {
    expect(codeOf(new Error('timeout exceeded when trying to connect'))).toEqual([
      503,
      'DATABASE_BUSY',
      'req-1',
    ]);
    expect(codeOf(new Error('Connection terminated due to connection timeout'))[1]).toBe(
      'DATABASE_BUSY',
    );
    const tooMany = Object.assign(new Error('sorry, too many clients already'), { code: '53300' });
    expect(codeOf(tooMany)[1]).toBe('DATABASE_BUSY');
    expect(filter.toBody(tooMany, 'r').details).toEqual({ retryAfterSeconds: 2 });
    expect(codeOf(new Error('timeout'))).toEqual([500, 'INTERNAL_ERROR', 'req-1']);
    expect(codeOf(Object.assign(new Error('x'), { code: '23505' }))[0]).toBe(500);
  });
});
