import { Injectable } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from '../queue';

const ADD_BULK_CHUNK = 1000;

/** Puts `email.send` jobs on the queue; jobId = outbox row id, so re-adding is a no-op. */
@Injectable()
export class OutboxDispatcher {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  sendJobOptions(outboxId: string): JobsOptions {
    const { maxAttempts, retryBaseDelayMs } = this.config.notifications;
    return {
      jobId: outboxId,
      attempts: maxAttempts,
      backoff: { type: 'exponential', delay: retryBaseDelayMs },
      // Free the jobId at once: the sweeper must be able to add the row again later.
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  /** False when a chunk was not enqueued; its rows stay `pending` for the outbox sweeper. */
  async dispatch(outboxIds: readonly string[]): Promise<boolean> {
    for (let i = 0; i < outboxIds.length; i += ADD_BULK_CHUNK) {
      const chunk = outboxIds.slice(i, i + ADD_BULK_CHUNK);
      const enqueued = await this.jobs.enqueueMany(
        'email.send',
        chunk.map((outboxId) => ({ data: { outboxId }, opts: this.sendJobOptions(outboxId) })),
      );
      if (!enqueued) return false;
    }
    return true;
  }
}
