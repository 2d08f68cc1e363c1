import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '../../migrations';
import { ALL_ENTITIES } from './entities';

export function dataSourceOptions(
  databaseUrl: string,
  poolSize = 10,
  acquireTimeoutMs = 5000,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
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
