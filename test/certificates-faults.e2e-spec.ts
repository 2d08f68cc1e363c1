import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { Role } from '../src/common/auth/roles';
import {
  certificatesOf,
  completeViaApi,
  completionEvent,
  seedCourse,
  SeededCourse,
  seedEnrollment,
  waitFor,
  waitForStatus,
} from './support/certificate-fixtures';
import { EnrollmentEvents } from '../src/modules/enrollments/enrollment-events';
import { createTestContext, seedOrganization, seedUser, TestContext } from './support/test-app';

const ROOT = join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** This file's own Redis, so stopping it disturbs no other test file. */
class OwnRedis {
  private process?: ChildProcess;
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor('redis to listen', async () => {
      const ok = await new Promise<boolean>((resolve) => {
        const socket = connect(this.port, '127.0.0.1');
        socket.on('connect', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
      return ok || undefined;
    });
  }
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }
}

function spawnWorker(env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/worker.ts'],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' },
  );
}

function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

describe('certificates under faults: worker killed mid-job, Redis down, sweeper', () => {
  let redis: OwnRedis;
  let ctx: TestContext;
  let course: SeededCourse;
  let org: string;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    ctx = await createTestContext({
      REDIS_URL: redis.url,
      CERTIFICATE_SWEEP_AFTER_SECONDS: '2',
      CERTIFICATE_SWEEP_INTERVAL_SECONDS: '1',
      VERIFY_MAX_REQUESTS_PER_MINUTE: '5',
    });
    org = await seedOrganization(ctx);
    const instructor = await seedUser(ctx, Role.Instructor);
    course = await seedCourse(ctx, instructor.id);
  }, 60_000);

  afterAll(async () => {
    for (const child of children) await kill(child, 'SIGKILL');
    await ctx?.close();
    await redis?.stop();
  });

  it('a worker SIGKILLed mid-job is replaced and the certificate is issued exactly once', async () => {
    const learner = await seedUser(ctx, Role.Learner, org);
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
    const [cert] = await certificatesOf(ctx, enrollmentId);
    expect(cert.status).toBe('pending');

    // Hold the audit log so the worker stops inside its final "mark issued" transaction (its
    // audit entry waits), after it has claimed the job, rendered the PDF and stored the file.
    const blocker = new Client({ connectionString: ctx.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE audit_log IN SHARE MODE');

    const first = spawnWorker(ctx.env);
    children.push(first);
    const dir = join(
      ctx.config.storageDir,
      'certificates',
      String(new Date().getUTCFullYear()),
      cert.id,
    );
    await waitFor(
      'the worker to be blocked mid-job',
      async () => {
        const [row] = await ctx.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return row.n > 0 && existsSync(dir) ? true : undefined;
      },
      120_000,
    );
    await kill(first, 'SIGKILL');
    await blocker.query('ROLLBACK');
    await blocker.end();

    const [afterKill] = await certificatesOf(ctx, enrollmentId);
    expect(afterKill).toMatchObject({ status: 'pending', attempts: 1, sha256: null });

    const second = spawnWorker(ctx.env);
    children.push(second);
    const issued = await waitForStatus(ctx, cert.id, 'issued', 120_000);
    await kill(second, 'SIGTERM');

    expect(await certificatesOf(ctx, enrollmentId)).toHaveLength(1);
    expect(issued.attempts).toBe(2);
    const audits = await ctx.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'certificate.issued'`,
      [cert.id],
    );
    expect(audits[0].n).toBe(1);
    const stored = readdirSync(dir);
    expect(stored).toContain(issued.storage_key!.split('/').pop());
  }, 300_000);

  describe('with an in-process worker', () => {
    beforeAll(async () => {
      await ctx.startWorker();
    });

    it('a lost enqueue is recovered by the sweeper', async () => {
      const learner = await seedUser(ctx, Role.Learner, org);
      const enrollmentId = await seedEnrollment(ctx, learner, course);
      const event = await completionEvent(ctx, enrollmentId);
      // The completing transaction commits, but the after-commit enqueue never happens.
      await ctx.db.transaction((tx) =>
        ctx.app.get(EnrollmentEvents).completedInTransaction(event, tx),
      );
      const [cert] = await certificatesOf(ctx, enrollmentId);
      expect(cert.status).toBe('pending');
      await waitForStatus(ctx, cert.id, 'issued', 30_000);
    });

    it('completing while Redis is down delays issuance but does not lose it', async () => {
      const learner = await seedUser(ctx, Role.Learner, org);
      const enrollmentId = await seedEnrollment(ctx, learner, course);
      await redis.stop();
      await completeViaApi(ctx, learner, enrollmentId, course.lessonId);
      const [cert] = await certificatesOf(ctx, enrollmentId);
      expect(cert.status).toBe('pending');
      const [enrollment] = await ctx.db.query('SELECT status FROM enrollments WHERE id = $1', [
        enrollmentId,
      ]);
      expect(enrollment.status).toBe('completed');
      await redis.start();
      await waitForStatus(ctx, cert.id, 'issued', 60_000);
      expect(await certificatesOf(ctx, enrollmentId)).toHaveLength(1);
    }, 90_000);

    it('rate-limits public verification per IP', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        statuses.push((await ctx.http().get(`/api/v1/verify/${'C'.repeat(26)}`)).status);
      }
      expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      const page = await ctx.http().get(`/verify/${'C'.repeat(26)}`);
      expect(page.status).toBe(429);
      expect(page.body.error).toBe('TOO_MANY_VERIFICATIONS');
    });
  });
});
