import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { get as httpGet, IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import Fastify, { FastifyInstance } from 'fastify';
import request from 'supertest';
import { registerWebApp } from '../src/bootstrap/web-app';
import { serveOnLoopback } from './support/browser';
import { createTestContext, TestContext } from './support/test-app';

const JS_ASSET = `console.log(${JSON.stringify('compressed copy '.repeat(20))})`;
const HTML = { Accept: 'text/html,application/xhtml+xml' };

describe('web app serving (registerWebApp on a bare server)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'k3-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dir, 'assets', 'app-def456.js'), JS_ASSET);
    writeFileSync(join(dir, 'assets', 'app-def456.js.br'), brotliCompressSync(JS_ASSET));
    writeFileSync(join(dir, 'assets', 'app-def456.js.gz'), gzipSync(JS_ASSET));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function server(root: string): Promise<FastifyInstance> {
    const app = Fastify();
    app.get('/api/v1/thing', async () => ({ ok: true }));
    app.setNotFoundHandler((_request, reply) => reply.status(404).send({ notFound: true }));
    await registerWebApp(app, root);
    await app.ready();
    return app;
  }
  // supertest over the real server (fastify.inject pulls in an ESM-only cookie parser Jest cannot load).
  const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
    request(app.server).get(url).set(headers);

  it('serves hashed assets immutable, index.html no-cache for any app route', async () => {
    const app = await server(dir);
    const asset = await get(app, '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/courses/123', '/certificates/abc?x=1', '/admin/users']) {
      const page = await get(app, url, HTML);
      expect({ url, status: page.status, cache: page.headers['cache-control'] }).toEqual({
        url,
        status: 200,
        cache: 'no-cache',
      });
      expect(page.text).toContain('<title>app</title>');
    }
    expect((await get(app, '/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
    await app.close();
  });

  it("serves the build's .br/.gz copy of an asset to a browser that accepts it", async () => {
    const app = await server(dir);
    const br = await get(app, '/assets/app-def456.js', { 'Accept-Encoding': 'gzip, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The bytes sent are the build's brotli file (supertest decodes them for `text`).
    expect(Number(br.headers['content-length'])).toBe(brotliCompressSync(JS_ASSET).length);
    expect(br.text).toBe(JS_ASSET);
    const plain = await get(app, '/assets/app-def456.js', { 'Accept-Encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(JS_ASSET);
    await app.close();
  });

  it('leaves server routes, unknown assets and non-HTML requests to the 404 handler', async () => {
    const app = await server(dir);
    expect((await get(app, '/api/v1/thing', HTML)).body).toEqual({ ok: true });
    for (const url of [
      '/api/v1/nope',
      '/verify/XYZ',
      '/docs-json',
      '/health/x',
      '/admin/queues/x',
      '/metrics/x',
    ]) {
      const res = await get(app, url, HTML);
      expect({ url, status: res.status, body: res.body }).toEqual({
        url,
        status: 404,
        body: { notFound: true },
      });
    }
    expect((await get(app, '/assets/missing.js', HTML)).status).toBe(404);
    expect((await get(app, '/courses/1', { Accept: 'application/json' })).status).toBe(404);
    await app.close();
  });

  it('without a build, / explains that the web app is not built (503) and the API still answers', async () => {
    const app = await server(join(dir, 'missing'));
    const res = await get(app, '/', HTML);
    expect(res.status).toBe(503);
    expect(res.text).toContain('The web app is not built');
    expect((await get(app, '/api/v1/thing')).status).toBe(200);
    await app.close();
  });
});

describe('web app serving (full API)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('serves the app at / with a CSP that allows its own scripts, and keeps the API 404s', async () => {
    const page = await ctx
      .http()
      .get('/courses/00000000-0000-0000-0000-000000000000')
      .set(HTML)
      .expect(200);
    expect(page.text).toContain('<div id="root"></div>');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    // The inline basic-screen script is allowed by its hash, and nothing else inline is.
    const inline = [...page.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update(inline[0], 'utf8').digest('base64');
    expect(page.headers['content-security-policy']).toContain(
      `script-src 'self' 'sha256-${hash}';`,
    );
    // A browser that accepts brotli gets the page compressed (read raw: supertest would decode it).
    const base = await serveOnLoopback(ctx);
    const raw = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        httpGet(`${base}/`, { headers: { ...HTML, 'Accept-Encoding': 'br' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      },
    );
    expect(raw.headers['content-encoding']).toBe('br');
    expect(raw.headers.vary).toContain('Accept-Encoding');
    expect(raw.body.length).toBeLessThan(Buffer.byteLength(page.text) / 2);
    expect(brotliDecompressSync(raw.body).toString('utf8')).toBe(page.text);
    const asset = await ctx.http().get(script!).expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const api404 = await ctx.http().get('/api/v1/nope').set(HTML).expect(404);
    expect(api404.body.error).toBe('ROUTE_NOT_FOUND');
    const verify = await ctx.http().get('/verify/NOT-A-CODE').set(HTML);
    expect(verify.text).not.toContain('<div id="root"></div>');
  });
});
