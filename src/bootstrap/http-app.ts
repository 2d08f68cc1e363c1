import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import type { FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { ALL_QUEUE_NAMES } from '@app/queue';
import { AppModule } from '../app.module';
import { AccessTokenVerifier } from '../common/auth/access-token.verifier';
import { Role } from '../common/auth/roles';
import { findUndeclaredRoutes } from '../common/auth/route-audit';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { DomainError } from '../common/errors/domain-error';
import { createValidationPipe } from '../common/http/validation';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../modules/metrics/metrics.service';
import { registerWebApp } from './web-app';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(raw: IncomingMessage): string {
  const incoming = raw.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  raw.headers['x-request-id'] = id; // pino-http reads the same id
  return id;
}

/** Builds the configured HTTP API (Fastify), ready to `listen`. Shared by main, start and tests. */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    genReqId: (raw: IncomingMessage) => requestIdOf(raw),
    logger: false,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });

  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  await fastify.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1 } });
  const metrics = app.get(MetricsService);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
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
  return app;
}

function setUpOpenApi(app: NestFastifyApplication, config: AppConfig): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('k3-lms API')
      .setDescription(
        'K3 competency courses, quizzes, progress, certificates and reminders. ' +
          'Errors share one body: { statusCode, error (stable code), message, details?, requestId }.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addServer(config.publicBaseUrl)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Bull Board at /admin/queues, for admins only (bearer token or `k3_access_token` cookie). */
async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const { createBullBoard } = await import('@bull-board/api');
  const { BullMQAdapter } = await import('@bull-board/api/bullMQAdapter');
  const { FastifyAdapter: BoardAdapter } = await import('@bull-board/fastify');
  const board = new BoardAdapter();
  createBullBoard({
    queues: ALL_QUEUE_NAMES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: board,
  });
  board.setBasePath('/admin/queues');
  const verifier = app.get(AccessTokenVerifier);
  const filter = new AllExceptionsFilter();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply) => {
        try {
          const cookie = /(?:^|;\s*)k3_access_token=([^;]+)/.exec(
            request.headers.cookie ?? '',
          )?.[1];
          const header = request.headers.authorization ?? (cookie ? `Bearer ${cookie}` : undefined);
          const user = await verifier.verifyAuthorizationHeader(header);
          if (user.role !== Role.Admin) throw new DomainError('FORBIDDEN', 'Admins only');
        } catch (e) {
          const body = filter.toBody(e, String(request.id));
          return reply.status(body.statusCode).send(body);
        }
      });
      await scope.register(board.registerPlugin() as never);
    },
    { prefix: '/admin/queues' },
  );
}
