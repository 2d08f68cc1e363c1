import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';

/** Cookie parsing/serialising for the browser-session routes (the only cookie-authenticated API). */
export async function registerBrowserSessionCookies(fastify: FastifyInstance): Promise<void> {
  await fastify.register(cookie);
}
