import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ALL_QUEUE_NAMES } from '@app/queue';
import { RequestAuthenticator } from '../common/auth/request-authenticator';
import { Role } from '../common/auth/roles';
import { AllExceptionsFilter } from '../common/errors/all-exceptions.filter';
import { DomainError } from '../common/errors/domain-error';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH, readCookie } from '../modules/auth';

/** Connection-level headers belong to each hop, not to the forwarded message. */
const HOP_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * Bull Board at /admin/queues, for admins only (bearer token or `k3_access_token` cookie).
 *
 * The board (bull-board, valibot, lodash, ejs: ~3 MB of heap, ~5 MB of RSS) is loaded on the
 * first admin request, into a Fastify instance of its own that never listens: routes cannot be
 * added to the API's instance once it is up, so admitted requests are handed to it by `inject`.
 */
export async function registerQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(RequestAuthenticator);
  const filter = new AllExceptionsFilter();
  let board: Promise<FastifyInstance> | undefined;
  const forward = async (request: FastifyRequest, reply: FastifyReply) => {
    board ??= buildBoard(app).catch((e: unknown) => {
      board = undefined; // the next request tries again
      throw e;
    });
    const response = await (
      await board
    ).inject({
      method: request.method as 'GET',
      url: request.url,
      headers: withoutHopHeaders(request.headers),
      payload: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    return reply
      .headers(withoutHopHeaders(response.headers))
      .status(response.statusCode)
      .send(response.rawPayload);
  };
  await app
    .getHttpAdapter()
    .getInstance()
    .register(
      async (scope) => {
        scope.addHook('onRequest', async (request: FastifyRequest, reply) => {
          try {
            // Set by POST /api/v1/admin/queue-dashboard-session (auth/domain/queue-dashboard-cookie.ts).
            const cookie = readCookie(request.headers.cookie, QUEUE_DASHBOARD_COOKIE);
            const header =
              request.headers.authorization ?? (cookie ? `Bearer ${cookie}` : undefined);
            const user = await authenticator.authenticate(header);
            if (user.role !== Role.Admin) throw new DomainError('FORBIDDEN', 'Admins only');
          } catch (e) {
            const body = filter.toBody(e, String(request.id));
            return reply.status(body.statusCode).send(body);
          }
        });
        scope.all('/', forward);
        scope.all('/*', forward);
      },
      { prefix: QUEUE_DASHBOARD_PATH },
    );
}

async function buildBoard(app: NestFastifyApplication): Promise<FastifyInstance> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter: BoardAdapter }, { fastify }] =
    await Promise.all([
      import('@bull-board/api'),
      import('@bull-board/api/bullMQAdapter'),
      import('@bull-board/fastify'),
      import('fastify'),
    ]);
  const board = new BoardAdapter();
  createBullBoard({
    queues: ALL_QUEUE_NAMES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: board,
  });
  board.setBasePath(QUEUE_DASHBOARD_PATH);
  const instance = fastify({ logger: false });
  await instance.register(board.registerPlugin() as never, { prefix: QUEUE_DASHBOARD_PATH });
  await instance.ready();
  return instance;
}

function withoutHopHeaders(
  headers: IncomingHttpHeaders | OutgoingHttpHeaders,
): Record<string, string | string[] | number> {
  const kept: Record<string, string | string[] | number> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_HEADERS.has(name)) kept[name] = value;
  }
  return kept;
}
