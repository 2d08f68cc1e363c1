/**
 * End-to-end certificate issuance throughput: 10,000 enrollments complete through the API, and
 * worker processes of the compiled build render, sign, store (S3, s3rver on loopback), hash and
 * mark each certificate issued. Run with 1 and then 2 worker processes: certificates/s from the
 * first completion to the last `issued`, completion -> issued latency p50/p99 (certificate
 * created in the completion transaction -> marked issued), Redis memory peak and worker peak
 * RSS. Target: >= 300 certificates/s with S3 storage. The "certificate issued" mails go to an
 * in-process SMTP sink and are counted (once each, duplicates). CPU is split by process (Redis
 * too when its server runs here) and set against the per-certificate budget the target leaves.
 * Prints figures only.
 * ISSUANCE_BENCH_ENROLLMENTS overrides the 10,000, ISSUANCE_BENCH_WORKERS the worker counts (1,2),
 * ISSUANCE_BENCH_WORKER_NODE_ARGS adds node flags to the workers (e.g. `--cpu-prof`).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { s3StorageEnv, startS3rver } from '../support/s3rver';
import { startSmtpSink } from '../support/smtp-sink';
import { mb, NOTE, postgresCpuMs, processCpuMs, startBenchApp } from './bench-app';

const ENROLLMENTS = Number(process.env.ISSUANCE_BENCH_ENROLLMENTS ?? 10_000);
const COMPLETE_CONCURRENCY = 64;
const TARGET_PER_SECOND = 300;
const ROOT = join(__dirname, '..', '..');

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function peakRss(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * CPU milliseconds so far of each part of the pipeline (the load generator is this process).
 * Redis counts when its server runs on this machine (its process_id is readable in /proc).
 */
function cpuByPart(apiPid: number, workers: ChildProcess[], s3Pid: number, redisPid: number) {
  const self = process.cpuUsage();
  return [
    ['API', processCpuMs(apiPid)],
    ['workers', workers.reduce((sum, w) => sum + processCpuMs(w.pid!), 0)],
    ['PostgreSQL', postgresCpuMs()],
    ['Redis', processCpuMs(redisPid)],
    ['s3rver', processCpuMs(s3Pid)],
    ['load generator + SMTP sink', (self.user + self.system) / 1000],
  ] as const;
}

/** POST with a bearer token and no body; the answer's status, Retry-After and body text. */
function post(agent: Agent, url: string, token: string) {
  return new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-length': 0 } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Waits (at most 5 min) until every issued certificate's mail was accepted. */
async function waitForMails(keyCounts: Map<string, number>, expected: number, started: number) {
  const deadline = Date.now() + 5 * 60_000;
  while (keyCounts.size < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const duplicates = [...keyCounts.values()].reduce((sum, n) => sum + n - 1, 0);
  return { keys: keyCounts.size, duplicates, lastMs: Date.now() - started };
}

async function run(workerCount: number): Promise<void> {
  const s3 = await startS3rver(`k3-issuance-${workerCount}`);
  const smtp = await startSmtpSink();
  smtp.parse = false;
  const bench = await startBenchApp(`issuance${workerCount}`, {
    ...s3StorageEnv(s3),
    SMTP_URL: smtp.url,
    // Every learner here shares one mail domain; real batches spread over many.
    EMAIL_RATE_LIMIT_PER_DOMAIN_PER_MINUTE: '0',
  });
  const workers: ChildProcess[] = [];
  const redis = new Redis(bench.env.REDIS_URL);
  try {
    const { db } = bench;
    const [{ id: organizationId }] = await db.query(
      `INSERT INTO organizations (code, name) VALUES ('ISSUE', 'PT Terbit Massal') RETURNING id`,
    );
    const [{ id: authorId }] = await db.query(
      `INSERT INTO users (email, name, role) VALUES ('author@issue.test', 'Author', 'instructor') RETURNING id`,
    );
    const [course] = await db.query(
      `INSERT INTO courses (code, created_by_id) VALUES ('ISSUE-1', $1) RETURNING id`,
      [authorId],
    );
    const [version] = await db.query(
      `INSERT INTO course_versions (course_id, version_no, status, title_id, title_en,
         competency_code, jp_hours, certificate_validity_months, published_at)
       VALUES ($1, 1, 'published', 'Ahli K3 Umum', 'General OSH Expert', 'AK3U', 32, 36, now())
       RETURNING id`,
      [course.id],
    );
    const [module] = await db.query(
      `INSERT INTO course_modules (course_version_id, position, title_id, title_en)
       VALUES ($1, 1, 'Modul', 'Module') RETURNING id`,
      [version.id],
    );
    const [lesson] = await db.query(
      `INSERT INTO lessons (course_version_id, module_id, position, type, title_id, title_en,
         required, min_seconds, content)
       VALUES ($1, $2, 1, 'text', 'Satu', 'One', true, 0, '{"markdown":"x"}') RETURNING id`,
      [version.id, module.id],
    );
    await db.query(
      `INSERT INTO users (email, name, role, organization_id, employee_id, nik)
       SELECT 'ahli' || g || '@issue.test', 'Peserta Ahli ' || g, 'learner', $1, 'E' || g,
              lpad(g::text, 16, '3')
         FROM generate_series(1, $2) g`,
      [organizationId, ENROLLMENTS],
    );
    const users: { id: string; enrollmentId: string }[] = await db.query(
      `WITH e AS (
         INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id, status,
           started_at, last_activity_at)
         SELECT id, $1, $2, $3, 'in_progress', now() - interval '1 hour', now() - interval '1 minute'
           FROM users WHERE organization_id = $1
         RETURNING id, user_id)
       SELECT user_id AS id, id AS "enrollmentId" FROM e`,
      [organizationId, course.id, version.id],
    );
    await db.query(
      `INSERT INTO lesson_progress (enrollment_id, lesson_id, last_heartbeat_at)
       SELECT id, $1, now() - interval '1 minute' FROM enrollments WHERE course_id = $2`,
      [lesson.id, course.id],
    );
    await db.query('ANALYZE');
    const tokens = await bench.sign(
      users.map((u) => ({ id: u.id, role: 'learner', organizationId }) as never),
    );

    for (let i = 0; i < workerCount; i += 1) {
      const nodeArgs = (process.env.ISSUANCE_BENCH_WORKER_NODE_ARGS ?? '')
        .split(' ')
        .filter(Boolean);
      const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'src', 'worker.js')], {
        cwd: ROOT,
        env: { ...bench.env, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      workers.push(child);
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (/dependencies initialized|successfully started/.test(out)) resolve();
        });
        child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
      });
      child.stdout!.resume();
    }

    let redisPeak = 0;
    const redisSampler = setInterval(() => {
      void redis.info('memory').then((info) => {
        const used = Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
        redisPeak = Math.max(redisPeak, used);
      });
    }, 100);

    const redisPid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1] ?? 0);
    const stopSampling = bench.sampleWaitEvents();
    const cpuAtStart = cpuByPart(bench.api.pid!, workers, s3.pid, redisPid);
    const started = Date.now();
    let next = 0;
    let failures = 0;
    let busyRetries = 0;
    // node:http with keep-alive: fetch's own CPU per request would be charged to the 2 cores.
    const agent = new Agent({ keepAlive: true, maxSockets: COMPLETE_CONCURRENCY });
    const refusals = new Map<string, number>();
    // A real client retries 503 DATABASE_BUSY after Retry-After (capped here at 1 s).
    const complete = async (i: number): Promise<void> => {
      for (;;) {
        const res = await post(
          agent,
          `${bench.baseUrl}/api/v1/enrollments/${users[i].enrollmentId}/lessons/${lesson.id}/complete`,
          tokens[i],
        );
        if (res.status === 200) return;
        const body = (() => {
          try {
            return JSON.parse(res.body) as { error?: string };
          } catch {
            return {};
          }
        })();
        if (res.status === 503 && body.error === 'DATABASE_BUSY') {
          busyRetries += 1;
          const wait = Math.min(1, Number(res.retryAfter ?? 1));
          await new Promise((r) => setTimeout(r, wait * 1000));
          continue;
        }
        failures += 1;
        const key = `${res.status} ${body.error ?? ''}`.trim();
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
        return;
      }
    };
    await Promise.all(
      Array.from({ length: COMPLETE_CONCURRENCY }, async () => {
        while (next < users.length) await complete(next++);
      }),
    );
    const completedMs = Date.now() - started;
    agent.destroy();
    const [atCompletion] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'issued')::int AS issued, clock_timestamp() AS at
         FROM certificates`,
    );

    for (;;) {
      const [{ issued, failed }] = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'issued')::int AS issued,
                count(*) FILTER (WHERE status = 'failed')::int AS failed FROM certificates`,
      );
      if (issued + failed >= ENROLLMENTS - failures) break;
      if (Date.now() - started > 15 * 60_000) throw new Error(`only ${issued} issued after 15 min`);
      await new Promise((r) => setTimeout(r, 200));
    }
    clearInterval(redisSampler);
    const cpuUsed = cpuByPart(bench.api.pid!, workers, s3.pid, redisPid).map(
      ([part, ms], i) => [part, ms - cpuAtStart[i][1]] as const,
    );
    const waits = await stopSampling();
    const [span] = await db.query(
      `SELECT count(*) FILTER (WHERE status = 'issued')::int AS issued,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              extract(epoch FROM max(updated_at) FILTER (WHERE status = 'issued') - min(created_at)) AS seconds
         FROM certificates`,
    );
    const [{ drainSeconds }] = await db.query(
      `SELECT extract(epoch FROM max(updated_at) - $1::timestamptz) AS "drainSeconds"
         FROM certificates WHERE status = 'issued'`,
      [atCompletion.at],
    );
    const latencies = (
      (await db.query(
        `SELECT extract(epoch FROM updated_at - created_at) * 1000 AS ms
           FROM certificates WHERE status = 'issued'`,
      )) as { ms: string }[]
    )
      .map((r) => Number(r.ms))
      .sort((a, b) => a - b);
    const perSecond = span.issued / Number(span.seconds);
    console.log(
      `${workerCount} worker process(es): ${ENROLLMENTS} completions through the API in ${(completedMs / 1000).toFixed(1)} s (${busyRetries} retried after 503 DATABASE_BUSY; ${failures} refused${refusals.size ? `: ${[...refusals].map(([k, n]) => `${k} x${n}`).join(', ')}` : ''}); ${span.issued} issued, ${span.failed} failed`,
    );
    console.log(
      `  issuance: ${perSecond.toFixed(0)} certificates/s (first completion -> last issued ${Number(span.seconds).toFixed(1)} s; target >= ${TARGET_PER_SECOND}/s)`,
    );
    const drained = span.issued - atCompletion.issued;
    console.log(
      `  after the last completion (the workers alone with PostgreSQL, Redis, S3 and SMTP): ${drained} issued in ${Number(drainSeconds).toFixed(1)} s, ${(drained / Number(drainSeconds)).toFixed(0)}/s; ${atCompletion.issued} were issued while completions ran`,
    );
    console.log(
      `  completion -> issued latency: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    );
    console.log(`  ${waits}`);
    const cpuTotal = cpuUsed.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `  CPU per certificate: ${cpuUsed.map(([part, ms]) => `${part} ${(ms / span.issued).toFixed(2)} ms`).join(', ')}; total ${(cpuTotal / span.issued).toFixed(2)} ms (2 cores allow at most ${((2 * 1000 * span.issued) / cpuTotal).toFixed(0)}/s at this cost)`,
    );
    const standIns = cpuUsed
      .filter(([part]) => part === 's3rver' || part.startsWith('load generator'))
      .reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `  budget: ${TARGET_PER_SECOND}/s on 2 cores leaves ${((2 * 1000) / TARGET_PER_SECOND).toFixed(2)} ms per certificate; the stand-ins for what is outside the system (s3rver, SMTP sink, load generator) used ${(standIns / span.issued).toFixed(2)} ms of it, the system itself (API, workers, PostgreSQL, Redis) ${((cpuTotal - standIns) / span.issued).toFixed(2)} ms`,
    );
    const mailed = await waitForMails(smtp.keyCounts, span.issued, started);
    console.log(
      `  "certificate issued" e-mails: ${mailed.keys} accepted by the SMTP sink, ${mailed.duplicates} duplicates, all in by ${(mailed.lastMs / 1000).toFixed(1)} s after the first completion`,
    );
    console.log(
      `  Redis used_memory peak ${mb(redisPeak)}; worker peak RSS ${workers.map((w) => mb(peakRss(w.pid!))).join(', ')}; API peak RSS ${mb(bench.rss().peak)}`,
    );
  } finally {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all(
      workers.map(
        (w) =>
          new Promise((resolve) =>
            w.exitCode !== null ? resolve(undefined) : w.once('exit', resolve),
          ),
      ),
    );
    redis.disconnect();
    await bench.close();
    await s3.close();
    await smtp.close();
  }
}

async function main() {
  console.log(NOTE);
  const workerRuns = (process.env.ISSUANCE_BENCH_WORKERS ?? '1,2').split(',').map(Number);
  for (const workers of workerRuns) await run(workers);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
