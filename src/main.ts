import 'reflect-metadata';
import { releaseBootGarbage } from './bootstrap/boot-garbage';
import { createApiApp } from './bootstrap/http-app';
import { closeOnSignals } from './bootstrap/shutdown';
import { AppConfig } from './config/app-config';
import { runMigrations } from './database/migrate';
import { exitOnBootError } from './bootstrap/boot-error';

/** API process: HTTP only. Produces jobs, never consumes them. */
async function main(): Promise<void> {
  const config = AppConfig.fromEnv();
  if (process.env.MIGRATE_ON_START === 'true') await runMigrations(config.databaseUrl);
  const app = await createApiApp(config);
  closeOnSignals(() => app.close());
  await app.listen({ port: config.port, host: '0.0.0.0' });
  releaseBootGarbage();
}

main().catch(exitOnBootError);
