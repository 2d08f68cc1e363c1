import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { OutboxDispatcher } from '../src/modules/notifications/outbox-dispatcher';
import { startSmtpSink, SmtpSink, waitFor } from './support/smtp-sink';
import { createTestContext, TestContext } from './support/test-app';

const BATCH = 500;
const ROOT = join(__dirname, '..');

function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'src/worker.ts'],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  child.stderr?.on('data', () => undefined);
  return child;
}

async function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

describe('notifications fault: sender worker SIGKILLed mid-batch', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    smtp.parse = false;
    smtp.latencyMs = 15;
    ctx = await createTestContext({
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: 'https://k3.test',
      EMAIL_SEND_LEASE_SECONDS: '3',
      EMAIL_SWEEP_EVERY_SECONDS: '1',
      EMAIL_RATE_LIMIT_PER_DOMAIN_PER_MINUTE: '0',
      EMAIL_SEND_CONCURRENCY: '10',
    });
  });
  afterAll(async () => {
    for (const w of workers) await stop(w, 'SIGKILL');
    await ctx?.close();
    await smtp?.close();
  });

  it('every row ends sent; each key reaches SMTP once apart from the documented window', async () => {
    const rows = (await ctx.db.query(
      `INSERT INTO email_outbox (recipient, template, locale, category, data, idempotency_key)
       SELECT 'fault' || g || '@fault.test', 'essay_graded', 'id', 'notification',
              jsonb_build_object('learnerName', 'L' || g, 'courseTitle', 'K3', 'quizTitle', 'Q',
                                 'scorePercent', 80, 'reviewUrl', '/r/' || g),
              'fault:' || g
         FROM generate_series(1, ${BATCH}) g
       RETURNING id`,
    )) as { id: string }[];
    await ctx.app.get(OutboxDispatcher).dispatch(rows.map((r) => r.id));

    const env = { ...ctx.env, SMTP_URL: smtp.url };
    workers.push(spawnWorker(env));
    await waitFor('first worker mid-batch', async () => smtp.keyCounts.size >= 150, 120_000);
    await stop(workers[0], 'SIGKILL');
    const acceptedBeforeKill = smtp.keyCounts.size;
    const inFlight = (await ctx.db.query(
      `SELECT idempotency_key FROM email_outbox WHERE status = 'sending'`,
    )) as { idempotency_key: string }[];
    const [{ n: sentBeforeKill }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE status = 'sent'`,
    );
    expect(sentBeforeKill).toBeLessThan(BATCH);

    workers.push(spawnWorker(env));
    await waitFor(
      'all rows sent after restart',
      async () => {
        const [{ n }] = await ctx.db.query(
          `SELECT count(*)::int AS n FROM email_outbox WHERE status = 'sent'`,
        );
        return n === BATCH;
      },
      150_000,
    );
    await stop(workers[1], 'SIGTERM');

    const counts = [...smtp.keyCounts.entries()];
    const duplicates = counts.filter(([, c]) => c > 1);
    const windowKeys = new Set(inFlight.map((r) => r.idempotency_key));
    const report = {
      rows: BATCH,
      acceptedBySmtpBeforeKill: acceptedBeforeKill,
      markedSentBeforeKill: sentBeforeKill,
      claimedButUnrecordedAtKill: inFlight.length,
      distinctKeysReceived: smtp.keyCounts.size,
      totalMessagesReceived: counts.reduce((sum, [, c]) => sum + c, 0),
      duplicates: duplicates.length,
      duplicateKeys: duplicates.map(([k]) => k),
    };
    process.stdout.write(`[notifications fault] ${JSON.stringify(report)}\n`);

    expect(smtp.keyCounts.size).toBe(BATCH);
    for (let g = 1; g <= BATCH; g += 1) expect(smtp.keyCounts.get(`fault:${g}`)).toBeGreaterThan(0);
    // Only rows caught between "SMTP accepted" and "marked sent" may arrive twice, and only twice.
    for (const [key, count] of duplicates) {
      expect(windowKeys.has(key)).toBe(true);
      expect(count).toBe(2);
    }
    expect(duplicates.length).toBeLessThanOrEqual(inFlight.length);
  }, 300_000);
});
