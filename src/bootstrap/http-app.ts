import { randomUUID } from 'node:crypto';
import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import { findUndeclaredRoutes } from '../common/auth/route-audit';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { DomainError } from '../common/errors/domain-error';
import { findUnstorableText, jsonNestingDepth, MAX_JSON_DEPTH } from '../common/http/input-guards';
import { ErrorBodyDoc } from '../common/http/api-errors.decorator';
import { createValidationPipe } from '../common/http/validation';
import { AppConfig } from '../config/app-config';
import { MetricsListener, MetricsService } from '../modules/metrics';
import { registerQueueDashboard } from './queue-dashboard';
import { registerWebApp } from './web-app';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const BODY_LIMIT = 1024 * 1024;
/** Longest request target (path + query) accepted; longer is 414 URI_TOO_LONG. */
const MAX_URL_LENGTH = 4 * 1024;

function requestIdOf(raw: IncomingMessage): string {
  const incoming = raw.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  raw.headers['x-request-id'] = id; // pino-http reads the same id
  return id;
}

/** A hop count becomes the function proxy-addr uses for it (the adapter's type lacks numbers). */
function trustProxyOption(
  trust: AppConfig['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

const errorFilter = new AllExceptionsFilter();

/**
 * Requests Node's HTTP parser refuses (headers over 16 KB, broken framing) never reach
 * Fastify; they still get the one error body, with a fresh request id.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [statusCode, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request line and headers exceed 16 KB']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive']
        : [400, 'MALFORMED_REQUEST', 'The HTTP request is malformed'];
  const body = JSON.stringify({ statusCode, error: code, message, requestId: randomUUID() });
  socket.end(
    `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** Builds the configured HTTP API (Fastify), ready to `listen`. Shared by main, start and tests. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT,
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      const body = errorFilter.toBody(error, String(request.id));
      void reply.status(body.statusCode).send(body);
    },
    clientErrorHandler: answerClientError,
    trustProxy: trustProxyOption(config.trustProxy),
    genReqId: (raw: IncomingMessage) => requestIdOf(raw),
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  useGuardedJsonParser(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // Video lessons may point at an https media host.
        mediaSrc: ["'self'", 'https:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  await fastify.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1 } });
  const metrics = app.get(MetricsService);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.length > MAX_URL_LENGTH) {
      const message = `The request URL exceeds ${MAX_URL_LENGTH} characters`;
      throw new DomainError('URI_TOO_LONG', message, { maxLength: MAX_URL_LENGTH });
    }
  });
  fastify.addHook('preValidation', async (request) => rejectUnstorableText(request));
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  await registerQueueDashboard(app);
  await registerWebApp(fastify);
  setUpOpenApi(app, config);
  await app.init();

  const undeclared = findUndeclaredRoutes(app);
  if (undeclared.length) {
    await app.close();
    throw new Error(`Routes without @Roles or @Public: ${undeclared.join(', ')}`);
  }
  try {
    await app.get(MetricsListener).start();
  } catch (e) {
    await app.close();
    throw e;
  }
  return app;
}

/**
 * JSON bodies: nesting deeper than MAX_JSON_DEPTH is refused before parsing (the DTO
 * transformer recurses), then Fastify's own parser (prototype-poisoning checks) runs.
 */
function useGuardedJsonParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT }, (request, body, done) => {
    const text = body.toString('utf8');
    if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
      done(
        new DomainError('JSON_TOO_DEEP', `JSON nesting deeper than ${MAX_JSON_DEPTH} levels`, {
          maxDepth: MAX_JSON_DEPTH,
        }),
      );
      return;
    }
    void parseJson(request as never, text, done);
  });
}

/** NUL and lone surrogates cannot be stored by PostgreSQL: refuse them in any input. */
function rejectUnstorableText(request: FastifyRequest): void {
  const sources: [string, unknown][] = [
    ['params', request.params],
    ['query', request.query],
    ['body', request.isMultipart?.() ? undefined : request.body],
  ];
  for (const [source, value] of sources) {
    const path = findUnstorableText(value, source);
    if (path) {
      throw new DomainError('INVALID_TEXT', 'Text contains NUL or an unpaired UTF-16 surrogate', {
        field: path,
      });
    }
  }
}

function setUpOpenApi(app: NestFastifyApplication, config: AppConfig): void {
  // Built on the first /docs or /docs-json request, not at boot: the scan and the ~400 KB
  // document are memory an idle API does not need.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, config), {
    jsonDocumentUrl: 'docs-json',
  });
}

/** The OpenAPI document of the API; also written to disk by `npm run api:generate`. */
export function buildOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('k3-lms API')
      .setDescription(
        'K3 competency courses, quizzes, progress, certificates and reminders. ' +
          'Errors share one body: { statusCode, error (stable code), message, details?, requestId }.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addGlobalResponse({
        status: 503,
        description: 'Database busy (DATABASE_BUSY); retry after the Retry-After seconds',
        type: ErrorBodyDoc,
      })
      .addServer(config.publicBaseUrl)
      .build(),
  );
}
