import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` writes the web app: <repo>/dist/web, from ts-node (src/) or the build (dist/src/). */
function webDistDir(): string {
  const candidates = [
    join(__dirname, '..', '..', 'dist', 'web'),
    join(__dirname, '..', '..', '..', 'dist', 'web'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

/** Routes that belong to the API process and keep their own answers (including their 404s). */
export const SERVER_PREFIXES = [
  '/api',
  '/verify',
  '/docs',
  '/admin/queues',
  '/health',
  '/metrics',
  '/unsubscribe',
];

export function isServerRoute(path: string): boolean {
  return SERVER_PREFIXES.some(
    (p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}-`),
  );
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>k3-lms</title></head>
<body><main><h1>The web app is not built</h1><p>This server runs the API only. Build the web app with
<code>npm run build:web</code> (or use <code>npm start</code>, which builds it), then restart.
The API is at <a href="/api/v1">/api/v1</a> and its documentation at <a href="/docs">/docs</a>.</p></main></body></html>`;

/**
 * Serves the built web app: hashed files under /assets/ cached for a year, index.html for every
 * other browser navigation (SPA fallback) with no-cache. Without a build the API still runs and
 * `/` explains that the web app is missing.
 */
export async function registerWebApp(fastify: FastifyInstance, dir = webDistDir()): Promise<void> {
  const indexPath = join(dir, 'index.html');
  const built = existsSync(indexPath);
  if (built) {
    await fastify.register(fastifyStatic, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      wildcard: true,
      // The build writes .br/.gz beside each JS/CSS file (web/vite.config.ts).
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res) => {
        void res.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
  }
  let index: IndexPage | undefined;
  const sendIndex = (request: FastifyRequest, reply: FastifyReply) => {
    // Re-read after a rebuild (the old index would name deleted hashed assets).
    const { mtimeMs } = statSync(indexPath);
    if (index?.mtimeMs !== mtimeMs) index = readIndexPage(indexPath, mtimeMs);
    // The inline basic-screen script runs by its hash; the rest of the policy stays helmet's.
    const policy = String(reply.getHeader('content-security-policy') ?? '');
    if (policy && index.scriptHashes.length) {
      void reply.header(
        'Content-Security-Policy',
        policy.replace(/script-src 'self'/, `script-src 'self' ${index.scriptHashes.join(' ')}`),
      );
    }
    const brotli = /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (brotli) void reply.header('Content-Encoding', 'br');
    return reply
      .header('Cache-Control', 'no-cache')
      .header('Vary', 'Accept-Encoding')
      .header('Content-Type', 'text/html; charset=utf-8')
      .send(brotli ? index.brotli : index.body);
  };
  const rootFile = (path: string): string | null => {
    // Files Vite copies from web/public (favicon and the like) sit next to index.html.
    if (!/^\/[A-Za-z0-9._-]+\.(svg|png|ico|txt|webmanifest)$/.test(path)) return null;
    const file = normalize(join(dir, path));
    return file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? file : null;
  };

  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (isServerRoute(path)) return reply.callNotFound();
    const file = built ? rootFile(path) : null;
    if (file) {
      return reply
        .header('Cache-Control', 'public, max-age=86400')
        .type(file.endsWith('.svg') ? 'image/svg+xml' : 'application/octet-stream')
        .send(readFileSync(file));
    }
    if (!acceptsHtml(request)) return reply.callNotFound();
    if (!built) {
      return reply
        .status(503)
        .header('Cache-Control', 'no-store')
        .type('text/html')
        .send(NOT_BUILT_PAGE);
    }
    return sendIndex(request, reply);
  });
}

interface IndexPage {
  mtimeMs: number;
  body: Buffer;
  /** The same page brotli-compressed (on a phone network every KB of it costs ~20 ms). */
  brotli: Buffer;
  /** CSP sources ('sha256-…') of its inline scripts. */
  scriptHashes: string[];
}

function readIndexPage(path: string, mtimeMs: number): IndexPage {
  const body = readFileSync(path);
  const scriptHashes = [...body.toString('utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, code]) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`,
  );
  return { mtimeMs, body, brotli: brotliCompressSync(body), scriptHashes };
}

function acceptsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('text/html');
}
