import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { Role } from '../src/common/auth/roles';
import { EmailSenderService } from '../src/modules/notifications/email-sender.service';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { OutboxSweeper } from '../src/modules/notifications/outbox-sweeper.service';
import { rawHeader, startSmtpSink, SmtpSink, waitFor } from './support/smtp-sink';
import { createTestContext, seedOrganization, seedUser, TestContext } from './support/test-app';

interface OutboxRow {
  id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
}

async function outboxRow(ctx: TestContext, id: string): Promise<OutboxRow> {
  const [row] = (await ctx.db.query(
    'SELECT id, status, attempts, last_error, message_id FROM email_outbox WHERE id = $1',
    [id],
  )) as OutboxRow[];
  return row;
}

const waitForStatus = (ctx: TestContext, id: string, status: string) =>
  waitFor(`outbox ${id} -> ${status}`, async () => {
    const row = await outboxRow(ctx, id);
    return row?.status === status ? row : null;
  });

const essay = (learnerName: string) => ({
  learnerName,
  courseTitle: 'Ahli K3 Umum',
  quizTitle: 'Evaluasi Modul 4',
  scorePercent: 87.5,
  reviewUrl: '/courses/x/quizzes/y',
});

describe('notifications: outbox and SMTP sending', () => {
  let smtp: SmtpSink;
  let ctx: TestContext;
  let notifications: NotificationsService;
  let sweeper: OutboxSweeper;
  let sender: EmailSenderService;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    ctx = await createTestContext({
      SMTP_URL: smtp.url,
      PUBLIC_BASE_URL: 'https://k3.test',
      EMAIL_RETRY_BASE_DELAY_MS: '200',
      EMAIL_RATE_LIMIT_PER_DOMAIN_PER_MINUTE: '3',
      EMAIL_SMTP_TIMEOUT_MS: '1000',
    });
    const worker = await ctx.startWorker();
    sweeper = worker.get(OutboxSweeper);
    sender = worker.get(EmailSenderService);
    notifications = ctx.app.get(NotificationsService);
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  it('queues several mails in one call: each result in order, an existing key not again, one mail each', async () => {
    const org = await seedOrganization(ctx);
    const first = await seedUser(ctx, Role.Learner, org, { email: 'many-1@send-many.test' });
    const second = await seedUser(ctx, Role.Learner, org, { email: 'many-2@send-many.test' });
    await ctx.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [second.id]);
    const existing = await notifications.enqueue({
      userId: first.id,
      template: 'essay_graded',
      data: essay('Satu'),
      idempotencyKey: 'essay-graded:many-0',
    });
    const results = await notifications.enqueueMany([
      {
        userId: first.id,
        template: 'essay_graded',
        data: essay('Satu'),
        idempotencyKey: 'essay-graded:many-0',
      },
      {
        userId: second.id,
        template: 'essay_graded',
        data: essay('Dua'),
        idempotencyKey: 'essay-graded:many-2',
      },
      {
        email: 'Tamu@Send-Many.test',
        template: 'essay_graded',
        data: essay('Tamu'),
        idempotencyKey: 'essay-graded:many-3',
      },
    ]);
    expect(results.map((r) => r.created)).toEqual([false, true, true]);
    expect(results[0].id).toBeNull();
    const rows: { id: string; recipient: string; locale: string }[] = await ctx.db.query(
      'SELECT id, recipient, locale FROM email_outbox WHERE id = ANY($1) ORDER BY recipient',
      [[results[1].id, results[2].id]],
    );
    expect(rows.map((r) => [r.recipient, r.locale])).toEqual([
      ['many-2@send-many.test', 'en'],
      ['tamu@send-many.test', 'id'],
    ]);
    for (const { id } of [existing, ...results.slice(1)]) await waitForStatus(ctx, id!, 'sent');
    expect(smtp.byRecipient('many-1@send-many.test')).toHaveLength(1);
    expect(smtp.byRecipient('many-2@send-many.test')).toHaveLength(1);
    expect(smtp.byRecipient('tamu@send-many.test')).toHaveLength(1);
  });

  it('refuses the whole call when one recipient is unknown, and queues nothing', async () => {
    const org = await seedOrganization(ctx);
    const known = await seedUser(ctx, Role.Learner, org, { email: 'known@send-many.test' });
    await expect(
      notifications.enqueueMany([
        {
          userId: known.id,
          template: 'essay_graded',
          data: essay('Ada'),
          idempotencyKey: 'essay-graded:many-known',
        },
        {
          userId: randomUUID(),
          template: 'essay_graded',
          data: essay('Hilang'),
          idempotencyKey: 'essay-graded:many-unknown',
        },
      ]),
    ).rejects.toMatchObject({ code: 'EMAIL_RECIPIENT_UNKNOWN' });
    const [{ n }] = await ctx.db.query(
      `SELECT count(*)::int AS n FROM email_outbox WHERE idempotency_key LIKE 'essay-graded:many-%known'`,
    );
    expect(n).toBe(0);
  });

  it('sends running at once share their claim, yet each row has one holder: one mail per row', async () => {
    const org = await seedOrganization(ctx);
    const learners = await Promise.all(
      [1, 2, 3].map((n) =>
        seedUser(ctx, Role.Learner, org, { email: `batch-${n}@send-batch.test` }),
      ),
    );
    // Rows only, no jobs: the sends below are the only ones.
    const rows: { id: string }[] = await ctx.db.query(
      `INSERT INTO email_outbox (user_id, recipient, template, locale, category, data, idempotency_key)
       SELECT u.id, u.email, 'essay_graded', 'id', 'transactional', $2::jsonb, 'essay-graded:batch-' || u.email
         FROM users u WHERE u.id = ANY($1) ORDER BY u.email RETURNING id`,
      [learners.map((l) => l.id), JSON.stringify(essay('Batch'))],
    );
    const ids = rows.map((r) => r.id);
    // The first row three times over, in the same batch as the other two.
    const outcomes = await Promise.all(
      [ids[0], ids[0], ids[1], ids[0], ids[2]].map((id) => sender.send(id)),
    );
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(2);
    const after: { status: string; attempts: number }[] = await ctx.db.query(
      'SELECT status, attempts FROM email_outbox WHERE id = ANY($1)',
      [ids],
    );
    expect(after).toEqual(ids.map(() => ({ status: 'sent', attempts: 1 })));
    for (const n of [1, 2, 3])
      expect(smtp.byRecipient(`batch-${n}@send-batch.test`)).toHaveLength(1);
  });

  it('sends once per idempotency key, in the user locale, with escaped data', async () => {
    const org = await seedOrganization(ctx);
    const learner = await seedUser(ctx, Role.Learner, org, { email: 'siti@send-a.test' });
    await ctx.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [learner.id]);

    const first = await notifications.enqueue({
      userId: learner.id,
      template: 'essay_graded',
      data: essay('Siti <script>alert(1)</script>'),
      idempotencyKey: 'essay-graded:attempt-1',
    });
    expect(first.created).toBe(true);
    const sent = await waitForStatus(ctx, first.id!, 'sent');
    expect(sent.message_id).toBeTruthy();
    expect(sent.attempts).toBe(1);

    const again = await notifications.enqueue({
      userId: learner.id,
      template: 'essay_graded',
      data: essay('Siti'),
      idempotencyKey: 'essay-graded:attempt-1',
    });
    expect(again).toEqual({ id: null, created: false });

    const mails = smtp.byRecipient('siti@send-a.test');
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail.idempotencyKey).toBe('essay-graded:attempt-1');
    expect(mail.parsed.subject).toBe('Your essay in "Ahli K3 Umum" has been graded');
    expect(mail.parsed.html).toContain('Siti &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.parsed.html).not.toContain('<script>');
    expect(mail.parsed.html).toContain('https://k3.test/courses/x/quizzes/y');
    expect(rawHeader(mail, 'List-Unsubscribe')).toMatch(
      /^<https:\/\/k3\.test\/api\/v1\/unsubscribe\?token=[\w.-]+>$/,
    );
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
  });

  it('renders Indonesian for a bare address with the default locale', async () => {
    const { id } = await notifications.enqueue({
      email: 'Budi@Send-B.test',
      template: 'essay_graded',
      data: essay('Budi'),
      idempotencyKey: 'essay-graded:bare-1',
    });
    await waitForStatus(ctx, id!, 'sent');
    const [mail] = smtp.byRecipient('budi@send-b.test');
    expect(mail.parsed.subject).toBe('Esai Anda di "Ahli K3 Umum" telah dinilai');
    // No user behind the address: nothing to unsubscribe from.
    expect(rawHeader(mail, 'List-Unsubscribe')).toBeUndefined();
  });

  it('retries an SMTP 4xx with backoff and then succeeds', async () => {
    let refusals = 0;
    smtp.behaviour = ({ to }) => {
      if (to === 'flaky@send-c.test' && refusals < 1) {
        refusals += 1;
        return { code: 451, message: '4.3.0 Temporary local problem, try later' };
      }
      return null;
    };
    const { id } = await notifications.enqueue({
      email: 'flaky@send-c.test',
      template: 'essay_graded',
      data: essay('Flaky'),
      idempotencyKey: 'essay-graded:flaky',
    });
    const row = await waitForStatus(ctx, id!, 'sent');
    expect(refusals).toBe(1);
    expect(row.attempts).toBe(2);
    expect(row.last_error).toBeNull();
    expect(smtp.keyCounts.get('essay-graded:flaky')).toBe(1);
    smtp.behaviour = () => null;
  });

  it('retries an SMTP timeout and then succeeds', async () => {
    smtp.latencyMs = 3000;
    const { id } = await notifications.enqueue({
      email: 'slow@send-h.test',
      template: 'essay_graded',
      data: essay('Slow'),
      idempotencyKey: 'essay-graded:slow',
    });
    const timedOut = await waitFor('first attempt timed out', async () => {
      const row = await outboxRow(ctx, id!);
      return row.last_error !== null ? row : null;
    });
    expect(timedOut.last_error).toMatch(/ETIMEDOUT|timeout/i);
    smtp.latencyMs = 0;
    const row = await waitForStatus(ctx, id!, 'sent');
    expect(row.attempts).toBeGreaterThanOrEqual(2);
  });

  it('marks a 5xx failed without retrying and suppresses an unknown user', async () => {
    smtp.behaviour = ({ to }) =>
      to === 'ghost@send-d.test'
        ? { code: 550, message: '5.1.1 <ghost@send-d.test>: User unknown' }
        : null;
    const { id } = await notifications.enqueue({
      email: 'ghost@send-d.test',
      template: 'essay_graded',
      data: essay('Ghost'),
      idempotencyKey: 'essay-graded:ghost-1',
    });
    const row = await waitForStatus(ctx, id!, 'failed');
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/^550 .*User unknown/);
    const suppressions = await ctx.db.query(
      'SELECT reason FROM email_suppressions WHERE email = $1',
      ['ghost@send-d.test'],
    );
    expect(suppressions).toHaveLength(1);

    // Later mails to a suppressed address are never attempted.
    smtp.behaviour = () => null;
    const later = await notifications.enqueue({
      email: 'ghost@send-d.test',
      template: 'essay_graded',
      data: essay('Ghost'),
      idempotencyKey: 'essay-graded:ghost-2',
    });
    const suppressed = await waitForStatus(ctx, later.id!, 'suppressed');
    expect(suppressed.last_error).toBe('address suppressed');
    expect(smtp.byRecipient('ghost@send-d.test')).toHaveLength(0);
  });

  it('a 5xx that is not "user unknown" fails without a suppression', async () => {
    smtp.behaviour = ({ to }) =>
      to === 'big@send-e.test' ? { code: 552, message: '5.3.4 Message too big' } : null;
    const { id } = await notifications.enqueue({
      email: 'big@send-e.test',
      template: 'essay_graded',
      data: essay('Big'),
      idempotencyKey: 'essay-graded:big',
    });
    await waitForStatus(ctx, id!, 'failed');
    const suppressions = await ctx.db.query('SELECT 1 FROM email_suppressions WHERE email = $1', [
      'big@send-e.test',
    ]);
    expect(suppressions).toHaveLength(0);
    smtp.behaviour = () => null;
  });

  it('delays (not fails) mails over the per-domain rate limit', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { id } = await notifications.enqueue({
        email: `user${i}@limited.test`,
        template: 'essay_graded',
        data: essay(`User ${i}`),
        idempotencyKey: `essay-graded:limited-${i}`,
      });
      ids.push(id!);
    }
    await waitFor('3 of 5 sent', async () => {
      const [{ n }] = await ctx.db.query(
        `SELECT count(*)::int AS n FROM email_outbox WHERE id = ANY($1) AND status = 'sent'`,
        [ids],
      );
      return n === 3;
    });
    const queue = ctx.app.get<Queue>(getQueueToken(QueueName.Email));
    const delayed = await waitFor('2 jobs delayed', async () => {
      const states = await Promise.all(ids.map(async (id) => (await queue.getJob(id))?.getState()));
      const parked = states.filter((s) => s === 'delayed');
      return parked.length === 2 ? parked : null;
    });
    expect(delayed).toHaveLength(2);
    const rows = (await ctx.db.query(
      `SELECT status, attempts FROM email_outbox WHERE id = ANY($1) AND status <> 'sent'`,
      [ids],
    )) as { status: string; attempts: number }[];
    expect(rows).toEqual([
      { status: 'queued', attempts: 0 },
      { status: 'queued', attempts: 0 },
    ]);
  });

  it('inserts in the caller transaction and enqueues only after commit', async () => {
    const rolledBack = ctx.db.transaction(async (tx) => {
      await notifications.enqueue(
        {
          email: 'tx@send-f.test',
          template: 'essay_graded',
          data: essay('Tx'),
          idempotencyKey: 'essay-graded:tx-rollback',
        },
        tx,
      );
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    let committedId: string | null = null;
    await ctx.db.transaction(async (tx) => {
      committedId = (
        await notifications.enqueue(
          {
            email: 'tx@send-f.test',
            template: 'essay_graded',
            data: essay('Tx'),
            idempotencyKey: 'essay-graded:tx-commit',
          },
          tx,
        )
      ).id;
    });
    await waitForStatus(ctx, committedId!, 'sent');
    const keys = await ctx.db.query(
      `SELECT idempotency_key FROM email_outbox WHERE recipient = 'tx@send-f.test'`,
    );
    expect(keys).toEqual([{ idempotency_key: 'essay-graded:tx-commit' }]);
    expect(smtp.byRecipient('tx@send-f.test')).toHaveLength(1);
  });

  it('the sweeper re-enqueues a lost enqueue and a send abandoned past its lease', async () => {
    const rows = (await ctx.db.query(
      `INSERT INTO email_outbox (recipient, template, locale, category, data, idempotency_key, status, attempts, updated_at)
       VALUES ('lost@send-g.test', 'essay_graded', 'id', 'notification', $1, 'essay-graded:lost', 'queued', 0, now() - interval '1 hour'),
              ('died@send-g.test', 'essay_graded', 'id', 'notification', $1, 'essay-graded:died', 'sending', 1, now() - interval '1 hour'),
              ('busy@send-g.test', 'essay_graded', 'id', 'notification', $1, 'essay-graded:busy', 'sending', 1, now())
       RETURNING id, recipient`,
      [JSON.stringify(essay('Sweep'))],
    )) as { id: string; recipient: string }[];
    const id = (email: string) => rows.find((r) => r.recipient === email)!.id;
    expect(await sweeper.sweep()).toBe(2);
    await waitForStatus(ctx, id('lost@send-g.test'), 'sent');
    const died = await waitForStatus(ctx, id('died@send-g.test'), 'sent');
    expect(died.attempts).toBe(2);
    // A claim inside its lease belongs to a live worker: left alone.
    expect((await outboxRow(ctx, id('busy@send-g.test'))).status).toBe('sending');
    expect(smtp.byRecipient('busy@send-g.test')).toHaveLength(0);
  });
});
