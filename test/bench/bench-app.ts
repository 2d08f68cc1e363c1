/** Shared set-up for the HTTP benchmarks: a fresh migrated database and one API process. */
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../src/common/auth/roles';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { runMigrations } from '../../src/database/migrate';
import type { ApiDiagnostics } from './api-diagnostics';
import { benchSigningEnv } from './signing-env';

export interface BenchApp {
  db: DataSource;
  /** The API process's environment (worker processes of the same deployment take it too). */
  env: Record<string, string>;
  baseUrl: string;
  api: ChildProcess;
  /** Tokens signed by the API process's own AccessTokenVerifier. */
  sign: (users: AuthUser[]) => Promise<string[]>;
  /** The API process's resident set size now, and its peak since `resetPeakRss`. */
  rss: () => { current: number; peak: number };
  /** CPU time (user + system) the API process has used so far, in milliseconds. */
  cpuMs: () => number;
  resetPeakRss: () => void;
  /**
   * RSS at rest: read once 20 s have passed since the API was ready. The boot ends with a full
   * GC (releaseBootGarbage), and V8 hands the freed pages back to the OS ~15 s later.
   */
  idleRss: () => Promise<number>;
  /** Event-loop delay, GC, pool waits and server-side route latency since the last reset. */
  diagnostics: () => Promise<ApiDiagnostics>;
  resetDiagnostics: () => void;
  /** Samples the API database's `pg_stat_activity` wait events until the returned stop(). */
  sampleWaitEvents: () => () => Promise<string>;
  close: () => Promise<void>;
}

/** The flags in package.json's `start:api` (`node --flag ... dist/src/main.js`). */
function apiNodeFlags(): string[] {
  const packageJson = JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
  ) as { scripts: Record<string, string> };
  return packageJson.scripts['start:api'].split(' ').filter((part) => part.startsWith('--'));
}

export async function startBenchApp(
  name: string,
  extraEnv: Record<string, string> = {},
): Promise<BenchApp> {
  const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/');
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const database = `k3_bench_${name}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${database}`;
  await runMigrations(dbUrl.toString());
  const db = await new DataSource({
    ...dataSourceOptions(dbUrl.toString(), 4),
    logging: ['error'],
  }).initialize();

  // `npm run bench` builds first, so the measured API runs compiled JS like production (no
  // TypeScript compiler resident in its memory); BENCH_FROM_SOURCE=true runs it under ts-node.
  const compiled = join(__dirname, '..', '..', 'dist', 'test', 'bench', 'api-process.js');
  const fromSource = process.env.BENCH_FROM_SOURCE === 'true' || !existsSync(compiled);
  // The API's production node flags (package.json start:api), unless BENCH_API_NODE_ARGS is set.
  const extraNodeArgs =
    process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? apiNodeFlags();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    TS_NODE_TRANSPILE_ONLY: 'true',
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `k3bench${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    JWT_ACCESS_TTL_SECONDS: '3600',
    ...(await benchSigningEnv()),
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'k3-bench-')),
    LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  const api = fork(fromSource ? join(__dirname, 'api-process.ts') : compiled, [], {
    execArgv: fromSource
      ? [...extraNodeArgs, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register']
      : extraNodeArgs,
    env: { ...env, PORT: '0' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string } & T) => {
        if (m.type !== type) return;
        api.off('message', onMessage);
        resolve(m);
      };
      api.on('message', onMessage);
      api.once('exit', (code) => reject(new Error(`API process exited with ${code}`)));
    });
  const { port } = await next<{ port: number }>('ready');
  const readyAt = Date.now();
  const status = (field: string) =>
    Number(
      new RegExp(`${field}:\\s+(\\d+) kB`).exec(
        readFileSync(`/proc/${api.pid}/status`, 'utf8'),
      )?.[1] ?? 0,
    ) * 1024;
  return {
    db,
    env,
    api,
    baseUrl: `http://127.0.0.1:${port}`,
    sign: async (users) => {
      const reply = next<{ tokens: string[] }>('tokens');
      api.send({ type: 'sign', users });
      return (await reply).tokens;
    },
    rss: () => ({ current: status('VmRSS'), peak: status('VmHWM') }),
    cpuMs: () => processCpuMs(api.pid!),
    // Writing 5 to clear_refs resets the kernel's peak-RSS mark (VmHWM) for the process.
    resetPeakRss: () => writeFileSync(`/proc/${api.pid}/clear_refs`, '5'),
    idleRss: async () => {
      await new Promise((r) => setTimeout(r, Math.max(0, readyAt + 20_000 - Date.now())));
      return status('VmRSS');
    },
    diagnostics: async () => {
      const reply = next<{ diagnostics: ApiDiagnostics }>('diagnostics');
      api.send({ type: 'diagnostics-read' });
      return (await reply).diagnostics;
    },
    resetDiagnostics: () => api.send({ type: 'diagnostics-reset' }),
    sampleWaitEvents: () => sampleWaitEvents(db, database),
    close: async () => {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.send({ type: 'stop' });
      await exited;
      await db.destroy();
      const cleanup = new Client({ connectionString: adminUrl.toString() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** CPU time (user + system) a process has used so far, in milliseconds; 0 once it is gone. */
/** CPU time of a process's children that have exited and been waited for, in milliseconds. */
function exitedChildrenCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return 0;
  }
}

export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks at 100 Hz
  } catch {
    return 0;
  }
}

/**
 * CPU time of every PostgreSQL server process on this machine, in milliseconds, including the
 * backends that have exited (a pool closes connections idle for 10 s): the postmaster's
 * children time counts those.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') {
        total += processCpuMs(Number(entry)) + exitedChildrenCpuMs(Number(entry));
      }
    } catch {
      // the process ended between the listing and the read
    }
  }
  return total;
}

/**
 * Every 50 ms, what the API's active backends wait on (`Lock/transactionid`, `LWLock/WALWrite`,
 * `IO/WalSync`, `Client/ClientRead` = idle in transaction waiting for us, CPU = not waiting).
 */
function sampleWaitEvents(db: DataSource, database: string): () => Promise<string> {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows: { event: string; n: string }[] = await db.query(
        `SELECT coalesce(wait_event_type || '/' || wait_event, 'CPU') AS event, count(*) AS n
           FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND state <> 'idle'
          GROUP BY 1`,
        [database],
      );
      samples++;
      for (const r of rows) counts.set(r.event, (counts.get(r.event) ?? 0) + Number(r.n));
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return async () => {
    running = false;
    await loop;
    const top = [...counts].sort((a, b) => b[1] - a[1]);
    return `pg wait events over ${samples} samples (backend-samples): ${
      top.map(([e, n]) => `${e}=${n}`).join(' ') || 'none active'
    }`;
  };
}

/**
 * One published course (lesson 1: no minimum time; lesson 2: an hour, so the course never
 * completes) and `learners` learners of one organization, each enrolled with lesson 1 started.
 */
export async function seedCourseWithLearners(
  db: DataSource,
  learners: number,
  courses = 1,
  /** Mark every 7th enrollment completed, for reports; progress benches want all in progress. */
  someCompleted = false,
): Promise<{
  organizationId: string;
  lessonId: string;
  users: { id: string; enrollmentId: string }[];
}> {
  const [{ id: organizationId }] = await db.query(
    `INSERT INTO organizations (code, name) VALUES ('BENCH', 'PT Beban Uji') RETURNING id`,
  );
  const [{ id: authorId }] = await db.query(
    `INSERT INTO users (email, name, role) VALUES ('author@bench.test', 'Author', 'instructor') RETURNING id`,
  );
  await db.query(
    `INSERT INTO users (email, name, role, organization_id, employee_id)
     SELECT 'learner' || g || '@bench.test', 'Peserta ' || g, 'learner', $1, 'E' || g
       FROM generate_series(1, $2) g`,
    [organizationId, learners],
  );
  let firstLesson = '';
  for (let c = 1; c <= courses; c += 1) {
    const [course] = await db.query(
      `INSERT INTO courses (code, created_by_id) VALUES ($1, $2) RETURNING id`,
      [`BENCH-${c}`, authorId],
    );
    const [version] = await db.query(
      `INSERT INTO course_versions (course_id, version_no, status, title_id, title_en,
         competency_code, jp_hours, published_at)
       VALUES ($1, 1, 'published', 'Kursus Beban ' || $2, 'Load course ' || $2, 'AK3U', 8, now())
       RETURNING id`,
      [course.id, c],
    );
    const [module] = await db.query(
      `INSERT INTO course_modules (course_version_id, position, title_id, title_en)
       VALUES ($1, 1, 'Modul', 'Module') RETURNING id`,
      [version.id],
    );
    const lessons: { id: string }[] = await db.query(
      `INSERT INTO lessons (course_version_id, module_id, position, type, title_id, title_en,
         required, min_seconds, content)
       VALUES ($1, $2, 1, 'text', 'Satu', 'One', true, 0, '{"markdown":"x"}'),
              ($1, $2, 2, 'text', 'Dua', 'Two', true, 3600, '{"markdown":"y"}')
       RETURNING id`,
      [version.id, module.id],
    );
    if (c === 1) firstLesson = lessons[0].id;
    await db.query(
      `INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id, status,
         started_at, last_activity_at, due_at, percent)
       SELECT u.id, $1, $2, $3,
              (CASE WHEN $4 AND g % 7 = 0 THEN 'completed' ELSE 'in_progress' END)::enrollment_status,
              now() - interval '1 day', now() - interval '30 seconds',
              now() + ((g % 60) - 20) * interval '1 day', (g % 3) * 50
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM users
                WHERE organization_id = $1) u`,
      [organizationId, course.id, version.id, someCompleted],
    );
    await db.query(
      `INSERT INTO lesson_progress (enrollment_id, lesson_id, last_heartbeat_at)
       SELECT e.id, $1, now() - interval '30 seconds' FROM enrollments e WHERE e.course_id = $2`,
      [lessons[0].id, course.id],
    );
  }
  await db.query('ANALYZE');
  const users: { id: string; enrollmentId: string }[] = await db.query(
    `SELECT u.id, e.id AS "enrollmentId" FROM users u
       JOIN enrollments e ON e.user_id = u.id
       JOIN lesson_progress p ON p.enrollment_id = e.id AND p.lesson_id = $1
      WHERE u.organization_id = $2 AND e.status = 'in_progress'`,
    [firstLesson, organizationId],
  );
  return { organizationId, lessonId: firstLesson, users };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export const NOTE =
  'Figures measured on a shared 2-core machine while other engineers run tests: pessimistic.';
