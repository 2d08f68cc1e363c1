import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../src/bootstrap/http-app';
import { createWorkerContext } from '../../src/bootstrap/worker-app';
import { Role } from '../../src/common/auth/roles';
import { AppConfig } from '../../src/config/app-config';
import { PasswordHasher } from '../../src/modules/users/password-hasher';
import { ContractValidator, RecordedResponse } from './contract';
import { databaseUrlFor, readTestServices, runDatabasePrefix } from './services';

export interface TestContext {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  config: AppConfig;
  db: DataSource;
  env: Record<string, string>;
  startWorker: () => Promise<INestApplicationContext>;
  close: () => Promise<void>;
}

/**
 * A real API (and optionally worker) on its own database (cloned from the migrated template)
 * and its own Redis key prefix, so test files run in parallel without seeing each other.
 */
export async function createTestContext(
  overrides: Record<string, string> = {},
): Promise<TestContext> {
  const services = readTestServices();
  const suffix = randomBytes(6).toString('hex');
  const database = `${runDatabasePrefix(services.runId)}${suffix}`;
  const admin = new Client({ connectionString: services.adminDatabaseUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${services.templateDb}"`);
      break;
    } catch (e) {
      // Two files cloning the template at the same instant: Postgres refuses one; retry.
      if (attempt >= 20 || !/being accessed by other users/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const storageDir = mkdtempSync(join(tmpdir(), 'k3-e2e-storage-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrlFor(services.adminDatabaseUrl, database),
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: `k3t${suffix}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    STORAGE_DIR: storageDir,
    PUBLIC_BASE_URL: 'http://k3.test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    METRICS_TOKEN: `metrics-${suffix}-${randomBytes(8).toString('hex')}`,
    // Deadlines in tests are exact; the offline grace has its own tests that set it.
    QUIZ_OFFLINE_GRACE_SECONDS: '0',
    ...overrides,
  };
  const config = AppConfig.fromEnv(env);
  const app = await createApiApp(config);
  await app.getHttpAdapter().getInstance().ready();
  const db = app.get(DataSource);
  const workers: INestApplicationContext[] = [];
  const recorded: RecordedResponse[] = [];
  return {
    app,
    config,
    db,
    env,
    http: () => recordingAgent(request(app.getHttpServer()), recorded),
    startWorker: async () => {
      const worker = await createWorkerContext(config);
      workers.push(worker);
      return worker;
    },
    close: async () => {
      for (const worker of workers) await worker.close().catch(() => undefined);
      const violations = await checkContract(app, recorded).catch((e: Error) => [
        `contract check failed: ${e.message}`,
      ]);
      await app.close();
      await clearRedisPrefix(services.redisUrl, config.queuePrefix);
      const cleanup = new Client({ connectionString: services.adminDatabaseUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
      rmSync(storageDir, { recursive: true, force: true });
      if (violations.length)
        throw new Error(
          `Responses outside the OpenAPI contract (see README, "API contract"):\n  ${violations.join('\n  ')}`,
        );
    },
  };
}

const RECORDED_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/** supertest, plus every response appended to `recorded` for the contract check at close. */
function recordingAgent(
  agent: ReturnType<typeof request>,
  recorded: RecordedResponse[],
): ReturnType<typeof request> {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !RECORDED_METHODS.includes(property)) return value;
      return (url: string, ...rest: unknown[]) => {
        const test = (value as (...args: unknown[]) => request.Test).call(target, url, ...rest);
        test.on('response', (res: request.Response) => {
          recorded.push({
            method: property,
            url,
            status: res.status,
            contentType: res.headers['content-type'] as string | undefined,
            body: res.body as unknown,
            hasBody: hasBody(res),
          });
        });
        return test;
      };
    },
  });
}

function hasBody(res: request.Response): boolean {
  const length = res.headers['content-length'] as string | undefined;
  if (length !== undefined) return Number(length) > 0;
  if (typeof res.text === 'string') return res.text.length > 0;
  return Buffer.isBuffer(res.body) ? res.body.length > 0 : res.body != null;
}

/**
 * Every response this file's tests received, checked against the app's own OpenAPI document.
 * `CONTRACT_RECORD_DIR` also writes them to a JSON file there (to re-check offline).
 */
async function checkContract(
  app: NestFastifyApplication,
  recorded: RecordedResponse[],
): Promise<string[]> {
  if (!recorded.length) return [];
  const docs = await request(app.getHttpServer()).get('/docs-json');
  const dir = process.env.CONTRACT_RECORD_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(
        dir,
        `${basename(expect.getState().testPath ?? 'unknown')}-${randomBytes(3).toString('hex')}.json`,
      ),
      JSON.stringify(recorded),
    );
  }
  return new ContractValidator(docs.body).checkAll(recorded);
}

async function clearRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis may be deliberately down in a fault test.
  } finally {
    redis.disconnect();
  }
}

/** The scrape credential /metrics wants on the API port (METRICS_TOKEN of this context). */
export function metricsAuth(ctx: TestContext): Record<string, string> {
  return { Authorization: `Bearer ${ctx.env.METRICS_TOKEN}` };
}

export const TEST_PASSWORD = 'correct horse battery';

export interface SeededUser {
  id: string;
  email: string;
  role: Role;
  organizationId: string | null;
  token: string;
  refreshToken: string;
}

let passwordHashCache: Promise<string> | undefined;

/** Inserts a user directly (fast path for fixtures) and logs in through the real API. */
export async function seedUser(
  ctx: TestContext,
  role: Role,
  organizationId: string | null = null,
  extra: { name?: string; employeeId?: string; email?: string } = {},
): Promise<SeededUser> {
  passwordHashCache ??= ctx.app.get(PasswordHasher).hash(TEST_PASSWORD);
  const email = extra.email ?? `${role}-${randomBytes(4).toString('hex')}@k3.test`;
  const [row] = (await ctx.db.query(
    `INSERT INTO users (email, name, password_hash, role, organization_id, employee_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      email,
      extra.name ?? `Test ${role}`,
      await passwordHashCache,
      role,
      organizationId,
      extra.employeeId ?? null,
    ],
  )) as { id: string }[];
  const login = await ctx
    .http()
    .post('/api/v1/auth/login')
    .send({ email, password: TEST_PASSWORD });
  if (login.status !== 200)
    throw new Error(`login failed for ${email}: ${JSON.stringify(login.body)}`);
  return {
    id: row.id,
    email,
    role,
    organizationId,
    token: login.body.accessToken,
    refreshToken: login.body.refreshToken,
  };
}

export async function seedOrganization(ctx: TestContext, code?: string): Promise<string> {
  const [row] = (await ctx.db.query(
    'INSERT INTO organizations (code, name) VALUES ($1, $2) RETURNING id',
    [code ?? `ORG${randomBytes(3).toString('hex').toUpperCase()}`, 'PT Uji Coba'],
  )) as { id: string }[];
  return row.id;
}

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });
