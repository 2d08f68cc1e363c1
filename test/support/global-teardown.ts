import { Client } from 'pg';
import { readTestServices, runDatabasePrefix } from './services';

export default async function globalTeardown(): Promise<void> {
  const { adminDatabaseUrl, runId } = readTestServices();
  const admin = new Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    const rows = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [runDatabasePrefix(runId)],
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
