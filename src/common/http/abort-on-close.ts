import type { FastifyReply, FastifyRequest } from 'fastify';

/** Aborts when the client goes away, so bulk downloads stop reading rows. */
export function abortOnClose(request: FastifyRequest, reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const abortIfUnfinished = () => {
    if (!reply.raw.writableFinished) controller.abort();
  };
  request.raw.on('close', abortIfUnfinished);
  reply.raw.on('close', abortIfUnfinished);
  return controller.signal;
}
