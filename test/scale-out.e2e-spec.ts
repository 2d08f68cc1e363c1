import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { newestMtime } from '../src/bootstrap/web-build';
import { Role } from '../src/common/auth/roles';
import { seedCourse, seedEnrollment } from './support/certificate-fixtures';
import { freePort } from './support/own-redis';
import { s3StorageEnv, startS3rver, RunningS3rver } from './support/s3rver';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { waitForExit, waitUntil } from './support/spawn';
import {
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const ROOT = join(__dirname, '..');
const LEARNERS = 500;
const CONCURRENCY = 20;
const TICK_SECONDS = 2;

/** The API and worker run from the compiled build, as in production; build it when stale. */
function ensureApiBuilt(): void {
  const main = join(ROOT, 'dist', 'src', 'main.js');
  const sources = Math.max(...['src', 'libs', 'migrations'].map((d) => newestMtime(join(ROOT, d))));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  for (const args of [
    ['tsc', '-p', 'tsconfig.build.json'],
    ['tsc-alias', '-p', 'tsconfig.build.json'],
  ]) {
    const result = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}`);
  }
}

interface Node {
  child: ChildProcess;
  output: () => string;
}

function startNode(entry: 'main' | 'worker', env: Record<string, string>): Node {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', `${entry}.js`)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

async function stopNode(node: Node): Promise<void> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return;
  node.child.kill('SIGTERM');
  await waitForExit(node.child);
}

async function workerReady(node: Node): Promise<void> {
  await waitUntil(
    () =>
      Promise.resolve(
        /Nest application successfully started|dependencies initialized/.test(node.output()),
      ),
    'a worker to start',
    90_000,
  );
}

/** A POST that honours 503 DATABASE_BUSY + Retry-After, as a well-behaved client does. */
async function post(url: string, headers: Record<string, string>): Promise<Response> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await fetch(url, { method: 'POST', headers });
    if (res.status !== 503 || attempt >= 5) return res;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000));
  }
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/**
 * Many processes, one truth: 2 API and 3 worker processes from the compiled build on one
 * PostgreSQL, one Redis and S3 storage. 500 learners complete their course through both APIs
 * while one worker is SIGKILLed and restarted; every certificate is issued once, every PDF is
 * the same through either API, every e-mail goes out once (apart from the documented window),
 * and the job schedulers run once per tick across the workers.
 */
describe('scale-out: 2 API + 3 worker processes', () => {
  let s3: RunningS3rver;
  let smtp: SmtpSink;
  let ctx: TestContext;
  let env: Record<string, string>;
  const apis: { node: Node; url: string }[] = [];
  const workers: Node[] = [];

  beforeAll(async () => {
    ensureApiBuilt();
    s3 = await startS3rver('k3-scale-out');
    smtp = await startSmtpSink();
    ctx = await createTestContext({
      ...s3StorageEnv(s3),
      SMTP_URL: smtp.url,
      REMINDER_SCAN_EVERY_SECONDS: String(TICK_SECONDS),
      EMAIL_SWEEP_EVERY_SECONDS: String(TICK_SECONDS),
      // A send the killed worker had claimed is handed on after this (production: 300 s).
      EMAIL_SEND_LEASE_SECONDS: '10',
    });
    env = { ...ctx.env, LOG_LEVEL: 'info' };
    for (let i = 0; i < 2; i += 1) {
      const port = await freePort();
      apis.push({
        node: startNode('main', { ...env, PORT: String(port) }),
        url: `http://127.0.0.1:${port}`,
      });
    }
    for (let i = 0; i < 3; i += 1) workers.push(startNode('worker', env));
    for (const api of apis) {
      await waitUntil(
        async () => (await fetch(`${api.url}/health`)).ok,
        `API ${api.url} health`,
        90_000,
      );
    }
    for (const worker of workers) await workerReady(worker);
  }, 240_000);

  afterAll(async () => {
    await Promise.all([...apis.map((a) => a.node), ...workers].map(stopNode));
    await ctx?.close();
    await smtp?.close();
    await s3?.close();
  });

  it('issues every certificate once, serves the same PDF from either API and mails once', async () => {
    const orgId = await seedOrganization(ctx);
    const admin = await seedUser(ctx, Role.Admin);
    const course = await seedCourse(ctx, admin.id);
    const learners: (SeededUser & { enrollmentId: string })[] = [];
    await pool(Array.from({ length: LEARNERS }), 8, async () => {
      const learner = await seedUser(ctx, Role.Learner, orgId);
      learners.push({ ...learner, enrollmentId: await seedEnrollment(ctx, learner, course) });
    });
    const scansBefore = Date.now();

    // Every learner completes the course's lesson through one of the two APIs; a third of the
    // way in, one worker is SIGKILLed, and it is restarted a moment later.
    let completed = 0;
    let killed: Promise<void> | null = null;
    await pool(learners, CONCURRENCY, async (learner, i) => {
      const api = apis[i % 2].url;
      const base = `${api}/api/v1/enrollments/${learner.enrollmentId}/lessons/${course.lessonId}`;
      const headers = { authorization: `Bearer ${learner.token}` };
      const start = await post(`${base}/start`, headers);
      if (start.status >= 300) throw new Error(`start: ${start.status} ${await start.text()}`);
      const done = await post(`${base}/complete`, headers);
      if (done.status !== 200) throw new Error(`complete: ${done.status} ${await done.text()}`);
      completed += 1;
      if (completed === Math.floor(LEARNERS / 3) && !killed) {
        workers[0].child.kill('SIGKILL');
        killed = waitForExit(workers[0].child).then(async () => {
          await new Promise((r) => setTimeout(r, 1000));
          workers[0] = startNode('worker', env);
          await workerReady(workers[0]);
        });
      }
    });
    await killed;

    // Every certificate is issued, exactly once per enrollment.
    await waitUntil(
      async () => {
        const [{ issued }] = (await ctx.db.query(
          `SELECT count(*)::int AS issued FROM certificates WHERE status = 'issued'`,
        )) as { issued: number }[];
        return issued >= LEARNERS;
      },
      `${LEARNERS} certificates to be issued`,
      240_000,
    );
    const perEnrollment = (await ctx.db.query(
      `SELECT enrollment_id, count(*)::int AS n FROM certificates GROUP BY enrollment_id`,
    )) as { enrollment_id: string; n: number }[];
    expect(perEnrollment).toHaveLength(LEARNERS);
    expect(perEnrollment.filter((r) => r.n !== 1)).toEqual([]);

    // Every PDF, through either API, is the same bytes (the hash recorded at issue).
    const certificates = (await ctx.db.query(`SELECT id, user_id, sha256 FROM certificates`)) as {
      id: string;
      user_id: string;
      sha256: string;
    }[];
    const tokenOf = new Map(learners.map((l) => [l.id, l.token]));
    await pool(certificates, 16, async (certificate) => {
      const hashes: string[] = [];
      for (const api of apis) {
        const res = await fetch(`${api.url}/api/v1/certificates/${certificate.id}/pdf`, {
          headers: { authorization: `Bearer ${tokenOf.get(certificate.user_id)}` },
        });
        expect(res.status).toBe(200);
        hashes.push(
          createHash('sha256')
            .update(Buffer.from(await res.arrayBuffer()))
            .digest('hex'),
        );
      }
      expect(hashes).toEqual([certificate.sha256, certificate.sha256]);
    });

    // Every learner's "certificate issued" e-mail is sent; duplicates only from the one window
    // docs/operations.md describes (a worker killed between the SMTP answer and marking it sent).
    await waitUntil(
      () => Promise.resolve(learners.every((l) => smtp.byRecipient(l.email).length > 0)),
      'every certificate e-mail',
      240_000,
    );
    // Every outbox row ends sent, including one the killed worker had claimed (the sweeper
    // hands it to another worker).
    await waitUntil(
      async () => {
        const [{ sends }] = (await ctx.db.query(
          `SELECT count(*)::int AS sends FROM email_outbox WHERE status = 'sent'`,
        )) as { sends: number }[];
        return sends === LEARNERS;
      },
      `${LEARNERS} outbox rows to be sent`,
      240_000,
    );
    const duplicates = learners.reduce(
      (sum, l) => sum + Math.max(0, smtp.byRecipient(l.email).length - 1),
      0,
    );
    console.log(`scale-out: duplicate e-mails from the killed worker's window: ${duplicates}`);
    // At most the killed worker's in-flight sends can repeat.
    expect(duplicates).toBeLessThanOrEqual(ctx.config.notifications.sendConcurrency);

    // The schedulers ran once per tick across the three workers, not once per worker.
    const queue = new Queue(QueueName.Email, {
      connection: { url: ctx.env.REDIS_URL },
      prefix: ctx.env.QUEUE_PREFIX,
    });
    try {
      const jobs = await queue.getJobs(['completed', 'failed', 'active'], 0, -1);
      const scans = jobs.filter((j) => j.name === 'reminders.scan' && j.timestamp >= scansBefore);
      const elapsedTicks = (Date.now() - scansBefore) / (TICK_SECONDS * 1000);
      const ticks = new Set(scans.map((j) => j.id));
      console.log(
        `scale-out: ${scans.length} reminder scans in ${elapsedTicks.toFixed(1)} ticks across 3 workers`,
      );
      expect(ticks.size).toBe(scans.length);
      expect(scans.length).toBeGreaterThan(0);
      expect(scans.length).toBeLessThanOrEqual(Math.ceil(elapsedTicks) + 1);
    } finally {
      await queue.close();
    }
  }, 900_000);
});
