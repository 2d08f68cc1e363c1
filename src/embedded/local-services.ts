import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ensureRedis } from './embedded-redis';

export interface LocalServices {
  databaseUrl: string;
  redisUrl: string;
  stop: () => Promise<void>;
}

/**
 * For `npm start` on a fresh machine: DATABASE_URL and REDIS_URL win when set; otherwise an
 * embedded PostgreSQL (data in .data/postgres) and a local or spawned Redis (.data/redis).
 */
export async function ensureLocalServices(
  env: NodeJS.ProcessEnv,
  root: string,
  log: (line: string) => void,
): Promise<LocalServices> {
  const stops: (() => Promise<void>)[] = [];
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(env.EMBEDDED_POSTGRES_PORT ?? 54329);
    const pg = await startEmbeddedPostgres(join(root, '.data', 'postgres'), port, log);
    stops.push(pg.stop);
    const admin = new Client({ connectionString: pg.url('postgres') });
    await admin.connect();
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'k3_lms'");
    if (exists.rowCount === 0) await admin.query('CREATE DATABASE k3_lms');
    await admin.end();
    databaseUrl = pg.url('k3_lms');
    log(`Embedded PostgreSQL on 127.0.0.1:${port} (data in .data/postgres)`);
  }
  let redisUrl = env.REDIS_URL;
  if (!redisUrl) {
    const redis = await ensureRedis(
      join(root, '.data', 'redis'),
      Number(env.EMBEDDED_REDIS_PORT ?? 6379),
      log,
    );
    stops.push(redis.stop);
    redisUrl = redis.url;
  }
  return {
    databaseUrl,
    redisUrl,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}
