import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createApiApp } from '../src/bootstrap/http-app';
import { AppConfig } from '../src/config/app-config';

/**
 * Writes the API's OpenAPI document to web/src/api/openapi.json (input of web/openapi-ts.config.ts).
 * Boots the API against DATABASE_URL / REDIS_URL (the local services), asks for /docs-json, exits.
 */
async function dump(): Promise<void> {
  const out = join(__dirname, '..', 'web', 'src', 'api', 'openapi.json');
  const app = await createApiApp(
    AppConfig.fromEnv({
      LOG_LEVEL: 'silent',
      JWT_SECRET: randomBytes(32).toString('hex'),
      ...process.env,
    }),
  );
  try {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/docs-json' });
    if (res.statusCode !== 200) throw new Error(`/docs-json answered ${res.statusCode}`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(JSON.parse(res.body), null, 2)}\n`);
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    await app.close();
  }
}

dump().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
