export const SERVICES_ENV = 'K3_TEST_SERVICES';
const STALE_AFTER_MS = 3 * 3600_000;

/** What global setup resolved, passed to Jest workers through the environment. */
export interface TestServices {
  adminDatabaseUrl: string;
  redisUrl: string;
  /** Unique per `jest` run, so concurrent runs on one server never touch each other's databases. */
  runId: string;
  templateDb: string;
}

export function readTestServices(): TestServices {
  const raw = process.env[SERVICES_ENV];
  if (!raw) throw new Error(`${SERVICES_ENV} missing: run e2e tests through jest (global setup).`);
  return JSON.parse(raw) as TestServices;
}

export function newRunId(): string {
  return Date.now().toString(36);
}

/** Databases of this run are named k3_e2e_<runId>_<suffix>. */
export const runDatabasePrefix = (runId: string) => `k3_e2e_${runId}_`;

/** A database left behind by a crashed run more than a few hours ago. */
export function isStaleRunDatabase(name: string, now = Date.now()): boolean {
  const match = /^k3_e2e_([0-9a-z]+)_/.exec(name);
  if (!match) return false;
  return now - parseInt(match[1], 36) > STALE_AFTER_MS;
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
