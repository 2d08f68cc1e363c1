import { join } from 'node:path';
import { Client } from 'pg';
import { ensureWebBuilt } from '../../src/bootstrap/web-build';
import { runMigrations } from '../../src/database/migrate';
import { startEmbeddedPostgres } from '../../src/embedded/embedded-postgres';
import { ensureRedis } from '../../src/embedded/embedded-redis';
import {
  databaseUrlFor,
  isStaleRunDatabase,
  newRunId,
  runDatabasePrefix,
  SERVICES_ENV,
  TestServices,
} from './services';

const ROOT = join(__dirname, '..', '..');
const log = (line: string) => process.stderr.write(`[e2e setup] ${line}\n`);

/**
 * Real PostgreSQL and Redis for the e2e suite: DATABASE_URL / REDIS_URL when set, otherwise
 * the embedded ones. Migrates a template database once per run; each test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  // Once per run, before any file boots the API (the browser tests need dist/web).
  ensureWebBuilt(ROOT, log);
  let adminDatabaseUrl = process.env.DATABASE_URL;
  if (!adminDatabaseUrl) {
    const pg = await startEmbeddedPostgres(join(ROOT, '.data', 'test-postgres'), 54330, log);
    adminDatabaseUrl = pg.url('postgres');
    (globalThis as { __K3_STOP_PG__?: () => Promise<void> }).__K3_STOP_PG__ = pg.stop;
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redis = await ensureRedis(join(ROOT, '.data', 'test-redis'), 6379, log);
    redisUrl = redis.url;
    (globalThis as { __K3_STOP_REDIS__?: () => Promise<void> }).__K3_STOP_REDIS__ = redis.stop;
  }

  const runId = newRunId();
  const templateDb = `${runDatabasePrefix(runId)}tpl`;
  const admin = new Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    const existing = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'k3_e2e_%'",
    );
    for (const { datname } of existing.rows.filter((r) => isStaleRunDatabase(r.datname))) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE "${templateDb}"`);
  } finally {
    await admin.end();
  }
  await runMigrations(databaseUrlFor(adminDatabaseUrl, templateDb));
  const services: TestServices = { adminDatabaseUrl, redisUrl, runId, templateDb };
  process.env[SERVICES_ENV] = JSON.stringify(services);
}
