import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobPayloads, QueueName } from '@app/queue';
import { AppConfig } from '../../config/app-config';

const ENQUEUE_TIMEOUT_MS = 3000;
const BUSY_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/** Producer side of `certificate.render`; jobId = certificate id, so duplicates collapse. */
@Injectable()
export class CertificateQueue {
  private readonly logger = new Logger(CertificateQueue.name);

  constructor(
    @InjectQueue(QueueName.Certificates) readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Best effort with a time limit: with Redis down this must not hang the request that
   * completed the course. The row stays `pending` and the sweeper enqueues it later.
   */
  async enqueueRender(certificateId: string): Promise<boolean> {
    const payload: JobPayloads['certificate.render'] = { certificateId };
    const add = this.queue.add('certificate.render', payload, {
      jobId: certificateId,
      attempts: this.config.certificateRenderAttempts,
      backoff: { type: 'exponential', delay: this.config.certificateRenderBackoffMs },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    });
    add.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ENQUEUE_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([add, timeout]);
      if (result === 'timeout') {
        this.logger.warn(`certificate.render ${certificateId} not enqueued in time; sweeper will`);
        return false;
      }
      return true;
    } catch (e) {
      this.logger.warn(
        `certificate.render ${certificateId} enqueue failed: ${(e as Error).message}`,
      );
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Enqueues again unless a job for this certificate is still queued or running. */
  async reenqueue(certificateId: string): Promise<boolean> {
    const job = await this.queue.getJob(certificateId);
    if (job) {
      const state = await job.getState();
      if (BUSY_STATES.has(state)) return false;
      await job.remove();
    }
    return this.enqueueRender(certificateId);
  }
}
