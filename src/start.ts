import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { exitOnBootError } from './bootstrap/boot-error';
import { releaseBootGarbage } from './bootstrap/boot-garbage';
import { createApiApp } from './bootstrap/http-app';
import { ensureWebBuilt } from './bootstrap/web-build';
import { closeOnSignals } from './bootstrap/shutdown';
import { createWorkerContext } from './bootstrap/worker-app';
import { AppConfig } from './config/app-config';
import { runMigrations } from './database/migrate';
import { ensureLocalServices } from './embedded/local-services';
import { RedisUnavailableError } from './embedded/embedded-redis';
import { MetricsListener } from './modules/metrics/metrics-listener';
import { demoLoginsText, hasAnyUser, seedDemo } from './seed/demo-seed';
import './seed/demo-course';

const ROOT = join(__dirname, '..');
const say = (line: string) => process.stdout.write(`[k3-lms] ${line}\n`);

/**
 * `npm start`: one process with embedded services, migrations, demo data on first start,
 * the HTTP API and the worker. Production runs `main.ts` and `worker.ts` separately.
 */
async function start(): Promise<void> {
  ensureWebBuilt(ROOT, say);
  const services = await ensureLocalServices(process.env, ROOT, say);
  const config = AppConfig.fromEnv({
    ...process.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
  });
  await runMigrations(config.databaseUrl);
  const api = await createApiApp(config);
  const dataSource = api.get(DataSource);
  const firstStart = !(await hasAnyUser(dataSource));
  if (firstStart && process.env.SEED_DEMO !== 'false') {
    say(
      'First start: seeding demo data (set SEED_DEMO=false to skip; `npm run seed:demo` re-runs it)',
    );
    await seedDemo(dataSource);
  }
  const worker = await createWorkerContext(config);
  closeOnSignals(async () => {
    await api.close();
    await worker.close();
    await services.stop();
  });
  await api.listen({ port: config.port, host: '0.0.0.0' });
  releaseBootGarbage();
  const base = `http://localhost:${config.port}`;
  say(`Web app    ${base}/`);
  say(`API        ${base}/api/v1`);
  say(`Docs       ${base}/docs   (OpenAPI JSON: ${base}/docs-json)`);
  const metricsPort = api.get(MetricsListener).port;
  const metrics =
    metricsPort !== null
      ? `http://${config.metrics.host}:${metricsPort}/metrics`
      : config.metrics.token
        ? `${base}/metrics (Bearer METRICS_TOKEN)`
        : 'off (set METRICS_TOKEN or METRICS_PORT)';
  say(`Health     ${base}/health   Queues: ${base}/admin/queues (admin)`);
  say(`Metrics    ${metrics}`);
  say(`Demo logins (POST /api/v1/auth/login):\n${demoLoginsText()}`);
}

start().catch((error: unknown) => {
  if (error instanceof RedisUnavailableError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  exitOnBootError(error);
});
