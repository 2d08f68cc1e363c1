/**
 * Reminder scan at scale: 100,000 learners with enrollments due in 5 days, one scan (injected
 * `now`) run by a real worker process, every mail delivered to an in-process SMTP sink.
 * Prints: time to enqueue all, send throughput, Redis used_memory before/peak/after, worker peak
 * RSS. Targets: all enqueued < 60 s, Redis < 300 MB, worker RSS < 300 MB. Figures only, no
 * pass/fail. BENCH_LEARNERS overrides the count, BENCH_WORKER_HEAP_MB the worker's
 * --max-old-space-size (192). The per-domain rate limit is off (one sink).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { QueueName, redisOptionsFromUrl } from '@app/queue';
import { AppConfig } from '../../src/config/app-config';
import { runMigrations } from '../../src/database/migrate';
import { startSmtpSink } from '../support/smtp-sink';
import { benchSigningEnv } from './signing-env';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100_000);
const WORKER_HEAP_MB = Number(process.env.BENCH_WORKER_HEAP_MB ?? 192);
const TARGET = { enqueueSeconds: 60, redisMb: 300, workerRssMb: 300 };
const ROOT = join(__dirname, '..', '..');
const DAY = 86_400_000;
const MB = 1024 * 1024;

const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function seed(db: Client, now: Date): Promise<void> {
  const [org] = (
    await db.query(
      `INSERT INTO organizations (code, name) VALUES ('BENCH', 'PT Bench') RETURNING id`,
    )
  ).rows;
  const [author] = (
    await db.query(
      `INSERT INTO users (email, name, role) VALUES ('author@bench.test', 'Author', 'instructor') RETURNING id`,
    )
  ).rows;
  const [course] = (
    await db.query(`INSERT INTO courses (code, created_by_id) VALUES ('BENCH1', $1) RETURNING id`, [
      author.id,
    ])
  ).rows;
  const [version] = (
    await db.query(
      `INSERT INTO course_versions (course_id, version_no, status, title_id, title_en, competency_code, jp_hours)
       VALUES ($1, 1, 'published', 'K3 Umum', 'General OSH', 'K3-01', 8) RETURNING id`,
      [course.id],
    )
  ).rows;
  await db.query(
    `INSERT INTO users (email, name, role, organization_id, locale)
     SELECT 'learner' || g || '@bench' || (g % 50) || '.test', 'Learner ' || g, 'learner', $1,
            CASE WHEN g % 3 = 0 THEN 'en' ELSE 'id' END
       FROM generate_series(1, $2::int) g`,
    [org.id, LEARNERS],
  );
  await db.query(
    `INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id, status, due_at, last_activity_at)
     SELECT u.id, $1, $2, $3, 'in_progress', $4::timestamptz + (random() * interval '1 hour'), $5
       FROM users u WHERE u.role = 'learner'`,
    [
      org.id,
      course.id,
      version.id,
      new Date(now.getTime() + 5 * DAY),
      new Date(now.getTime() - DAY),
    ],
  );
  await db.query('ANALYZE');
}

async function main(): Promise<void> {
  const dbName = `k3_bench_reminders_${randomBytes(4).toString('hex')}`;
  const prefix = `k3bench${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const smtp = await startSmtpSink();
  smtp.parse = false;
  const redis = new Redis(redisUrl);
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl(dbName),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    SMTP_URL: smtp.url,
    PUBLIC_BASE_URL: 'https://lms.bench.test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ...(await benchSigningEnv()),
    LOG_LEVEL: 'warn',
    EMAIL_RATE_LIMIT_PER_DOMAIN_PER_MINUTE: '0',
    EMAIL_SEND_CONCURRENCY: '20',
  };
  AppConfig.fromEnv(env); // fail fast on a bad environment
  let worker: ChildProcess | undefined;
  const db = new Client({ connectionString: env.DATABASE_URL });
  try {
    await runMigrations(env.DATABASE_URL);
    await db.connect();
    // A year ahead, so the real-time scan the worker schedules at start finds nothing.
    const now = new Date(Date.now() + 365 * DAY);
    let t = performance.now();
    await seed(db, now);
    console.log(
      `seeded ${LEARNERS} learners + enrollments in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    worker = spawn(
      process.execPath,
      [
        // Without a cap V8 lets the heap grow lazily (≈ 890 MB RSS over 100k sends, no leak);
        // the production worker should run with the same flag (NODE_OPTIONS).
        `--max-old-space-size=${WORKER_HEAP_MB}`,
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'src/worker.ts',
      ],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const connection = { ...redisOptionsFromUrl(redisUrl) };
    const queue = new Queue(QueueName.Email, { connection, prefix });
    const events = new QueueEvents(QueueName.Email, { connection, prefix });
    await events.waitUntilReady();
    const bootStart = performance.now();
    while ((await queue.getWorkers()).length === 0) await new Promise((r) => setTimeout(r, 200));
    console.log(`worker ready in ${((performance.now() - bootStart) / 1000).toFixed(1)} s`);
    await new Promise((r) => setTimeout(r, 2000)); // its start-up jobs (sweep, real-time scan)
    const workerBootRss = peakRss(worker.pid!);
    const redisBefore = await usedMemory(redis);
    let redisPeak = redisBefore;
    const sampler = setInterval(() => {
      void usedMemory(redis).then((m) => (redisPeak = Math.max(redisPeak, m)));
    }, 250);

    t = performance.now();
    const job = await queue.add('reminders.scan', { now: now.toISOString() });
    const result = (await job.waitUntilFinished(events, 600_000)) as Record<
      string,
      { queued: number }
    >;
    const enqueueSeconds = (performance.now() - t) / 1000;
    const firstSendAt = performance.now();
    const sentAtEnqueueEnd = smtp.keyCounts.size;
    while (smtp.keyCounts.size < LEARNERS) await new Promise((r) => setTimeout(r, 200));
    const sendEnd = performance.now();
    const totalSendSeconds = (sendEnd - t) / 1000;
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 1000));
    const redisAfter = await usedMemory(redis);
    const workerRss = peakRss(worker.pid!);
    const [{ n: sentRows }] = (
      await db.query(`SELECT count(*)::int AS n FROM email_outbox WHERE status = 'sent'`)
    ).rows;

    console.log(
      JSON.stringify(
        {
          learners: LEARNERS,
          scanResult: result.due_soon,
          timeToEnqueueAllSeconds: Number(enqueueSeconds.toFixed(1)),
          sentWhileEnqueueing: sentAtEnqueueEnd,
          sendThroughputPerSecond: Math.round(LEARNERS / totalSendSeconds),
          drainAfterEnqueueSeconds: Number(((sendEnd - firstSendAt) / 1000).toFixed(1)),
          smtpMessages: [...smtp.keyCounts.values()].reduce((a, b) => a + b, 0),
          outboxRowsSent: sentRows,
          redisUsedMemoryMb: {
            before: +(redisBefore / MB).toFixed(1),
            peak: +(redisPeak / MB).toFixed(1),
            after: +(redisAfter / MB).toFixed(1),
          },
          workerPeakRssMb: +(workerRss / MB).toFixed(1),
          workerPeakRssAtBootMb: +(workerBootRss / MB).toFixed(1),
          workerMaxOldSpaceMb: WORKER_HEAP_MB,
          targets: TARGET,
          note: '2-core machine shared with other engineers running tests: figures are pessimistic',
        },
        null,
        2,
      ),
    );
    await events.close();
    await queue.close();
  } finally {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((r) => worker!.once('exit', r));
      worker.kill('SIGTERM');
      await exited;
    }
    await db.end().catch(() => undefined);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    await smtp.close();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
