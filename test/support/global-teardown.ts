import { Client } from 'pg';
import { readTestServices } from './services';

export default async function globalTeardown(): Promise<void> {
  const { adminDatabaseUrl } = readTestServices();
  const admin = new Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    const rows = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'k3_e2e_%'",
    );
    for (const { datname } of rows.rows) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
  const g = globalThis as {
    __K3_STOP_PG__?: () => Promise<void>;
    __K3_STOP_REDIS__?: () => Promise<void>;
  };
  await g.__K3_STOP_REDIS__?.();
  await g.__K3_STOP_PG__?.();
}
