import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { ALL_ENTITIES } from './entities';

/**
 * With `readUrl` (DATABASE_READ_URL), TypeORM keeps a second pool on the replica; every query
 * still goes to the primary unless it asks for the replica (ReportingReader), so a request always
 * reads its own writes.
 */
export function dataSourceOptions(
  databaseUrl: string,
  poolSize = 10,
  acquireTimeoutMs = 5000,
  readUrl: string | null = null,
): DataSourceOptions {
  const connection = readUrl
    ? {
        replication: {
          master: { url: databaseUrl },
          slaves: [{ url: readUrl }],
          defaultMode: 'master' as const,
        },
      }
    : { url: databaseUrl };
  return {
    type: 'postgres',
    ...connection,
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL >= 13: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['error', 'migration'],
    extra: {
      max: poolSize,
      connectionTimeoutMillis: acquireTimeoutMs,
      application_name: 'k3-lms',
    },
  };
}
