import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from '../queue';

const BUSY_STATES = new Set(['active', 'waiting', 'delayed', 'prioritized', 'waiting-children']);

/** Producer side of `certificate.render`; jobId = certificate id, so duplicates collapse. */
@Injectable()
export class CertificateQueue {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Best effort (JobQueue's policy): with Redis down this must not hang the request that
   * completed the course. The row stays `pending` and the sweeper enqueues it later.
   */
  async enqueueRender(certificateId: string): Promise<boolean> {
    return this.jobs.enqueue(
      'certificate.render',
      { certificateId },
      {
        jobId: certificateId,
        attempts: this.config.certificateRenderAttempts,
        backoff: { type: 'exponential', delay: this.config.certificateRenderBackoffMs },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }

  /** Enqueues again unless a job for this certificate is still queued or running. */
  async reenqueue(certificateId: string): Promise<boolean> {
    const job = await this.jobs.queueOf('certificate.render').getJob(certificateId);
    if (job) {
      const state = await job.getState();
      if (BUSY_STATES.has(state)) return false;
      await job.remove();
    }
    return this.enqueueRender(certificateId);
  }
}
