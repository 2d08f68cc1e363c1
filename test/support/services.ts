import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TMP_DIR = join(__dirname, '..', '.tmp');
export const SERVICES_FILE = join(TMP_DIR, 'services.json');
export const TEMPLATE_DB = 'k3_e2e_template';

/** What global setup resolved: the admin database URL and the Redis URL every test file uses. */
export interface TestServices {
  adminDatabaseUrl: string;
  redisUrl: string;
}

export function readTestServices(): TestServices {
  if (!existsSync(SERVICES_FILE)) {
    throw new Error('test/.tmp/services.json missing: run e2e tests through jest (global setup).');
  }
  return JSON.parse(readFileSync(SERVICES_FILE, 'utf8')) as TestServices;
}

export function databaseUrlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
