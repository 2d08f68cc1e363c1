import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import { DelayedError, Job } from 'bullmq';
import { JobPayloads, QueueName, WORKER_METRICS } from '@app/queue';
import { AppConfig } from '../../../config/app-config';
import { JobHandler, JobRegistry } from '../../queue';
import { EmailSenderService } from '../email-sender.service';
import { HrDigestService } from '../hr-digest.service';
import { OutboxSweeper } from '../outbox-sweeper.service';
import { RemindersService } from '../reminders.service';

function injectedNow(data: { now?: string } | undefined): Date {
  const now = data?.now ? new Date(data.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`invalid "now" in job payload: ${data?.now}`);
  return now;
}

/** Every job of the e-mail queue: send, sweep, reminder scan, HR digest. Thin: routes to services. */
@Processor(QueueName.Email, { metrics: WORKER_METRICS })
export class EmailProcessor extends WorkerHost implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly sender: EmailSenderService,
    private readonly sweeper: OutboxSweeper,
    private readonly reminders: RemindersService,
    private readonly digest: HrDigestService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.notifications.sendConcurrency;
  }

  process(job: Job, token?: string): Promise<unknown> {
    return this.jobs.run(QueueName.Email, job, token);
  }

  @JobHandler('email.sweep')
  sweep() {
    return this.sweeper.sweep();
  }

  @JobHandler('reminders.scan')
  scan(data: JobPayloads['reminders.scan']) {
    return this.reminders.scan(injectedNow(data));
  }

  @JobHandler('reminders.hr-digest')
  hrDigest(data: JobPayloads['reminders.hr-digest']) {
    return this.digest.run(injectedNow(data));
  }

  @JobHandler('email.send')
  async send(
    data: JobPayloads['email.send'],
    job: Job<JobPayloads['email.send']>,
    token?: string,
  ): Promise<string> {
    const limiter = this.sender.rateLimiter;
    if (limiter.enabled) {
      const recipient = await this.sender.pendingRecipient(data.outboxId);
      if (!recipient) return 'skipped';
      const waitMs = await limiter.delayFor(recipient);
      if (waitMs > 0) {
        // Over the domain's budget: park the job (no attempt used) instead of failing it.
        await job.moveToDelayed(Date.now() + waitMs, token);
        throw new DelayedError();
      }
    }
    return this.sender.send(data.outboxId);
  }
}
