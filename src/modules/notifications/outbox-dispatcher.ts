import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { AppConfig } from '../../config/app-config';

const ADD_BULK_CHUNK = 1000;

/** Puts `email.send` jobs on the queue; jobId = outbox row id, so re-adding is a no-op. */
@Injectable()
export class OutboxDispatcher {
  constructor(
    @InjectQueue(QueueName.Email) private readonly queue: Queue,
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

  async dispatch(outboxIds: readonly string[]): Promise<void> {
    for (let i = 0; i < outboxIds.length; i += ADD_BULK_CHUNK) {
      const chunk = outboxIds.slice(i, i + ADD_BULK_CHUNK);
      await this.queue.addBulk(
        chunk.map((outboxId) => ({
          name: 'email.send',
          data: { outboxId },
          opts: this.sendJobOptions(outboxId),
        })),
      );
    }
  }
}
