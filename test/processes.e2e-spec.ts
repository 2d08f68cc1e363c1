import { createServer } from 'node:net';
import { createTestContext, TestContext } from './support/test-app';
import { spawnEntry, waitForExit, waitUntil } from './support/spawn';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('processes: boot validation and graceful shutdown', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx?.close());

  it('refuses to boot with a bad variable, printing one line that names it', async () => {
    const child = spawnEntry('src/main.ts', { ...ctx.env, PORT: 'eighty' });
    const { code } = await waitForExit(child);
    expect(code).toBe(1);
    const lines = child.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: PORT="eighty"/);
  });

  it('refuses to boot in production without JWT_SECRET', async () => {
    const { JWT_SECRET: _omit, ...env } = ctx.env;
    const child = spawnEntry('src/worker.ts', { ...env, NODE_ENV: 'production' });
    expect((await waitForExit(child)).code).toBe(1);
    expect(child.output()).toContain('JWT_SECRET is required when NODE_ENV=production');
  });

  it('refuses to boot in production without the PDF signing key, in one line', async () => {
    const child = spawnEntry('src/worker.ts', {
      ...ctx.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'p'.repeat(40),
    });
    expect((await waitForExit(child)).code).toBe(1);
    const lines = child.output().trim().split('\n');
    expect(lines).toEqual([
      'Invalid configuration: PDF_SIGNING_KEY + PDF_SIGNING_CERT (or PDF_SIGNING_P12) is required when NODE_ENV=production',
    ]);
  });

  it('serves the API, then exits cleanly on SIGTERM', async () => {
    const port = await freePort();
    const child = spawnEntry('src/main.ts', { ...ctx.env, PORT: String(port) });
    await waitUntil(
      async () => (await fetch(`http://127.0.0.1:${port}/health`)).ok,
      'API health',
      60_000,
    );
    child.kill('SIGTERM');
    const { code } = await waitForExit(child);
    expect(code).toBe(0);
    expect(child.output()).toContain('SIGTERM received');
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });

  it('runs the worker without HTTP and exits cleanly on SIGTERM', async () => {
    const child = spawnEntry('src/worker.ts', { ...ctx.env, LOG_LEVEL: 'info' });
    await waitUntil(
      async () =>
        child.output().includes('Nest application successfully started') ||
        child.output().includes('dependencies initialized'),
      'worker start',
      60_000,
    );
    child.kill('SIGTERM');
    const { code } = await waitForExit(child);
    expect(code).toBe(0);
    expect(child.output()).not.toMatch(/Nest application successfully started.*listening/);
  });
});
