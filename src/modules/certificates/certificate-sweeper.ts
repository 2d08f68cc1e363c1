import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { JobQueue } from '../queue';
import { CertificateQueue } from './certificate-queue';
import { CertificateRenderService } from './certificate-render.service';

const SWEEP_BATCH = 500;

/**
 * Worker side: re-enqueues certificates still `pending` after CERTIFICATE_SWEEP_AFTER_SECONDS
 * (lost enqueue, Redis outage, Redis data loss). Its schedule is upserted at boot and again
 * every interval, since a Redis restarted without persistence has lost it.
 */
@Injectable()
export class CertificateSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CertificateSweeper.name);
  private watchdog?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly producer: CertificateQueue,
    private readonly renderer: CertificateRenderService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    // A Redis restarted without persistence has lost the schedule; upserting is idempotent.
    this.watchdog = setInterval(
      () => void this.schedule(),
      this.config.certificateSweepIntervalSeconds * 1000,
    );
    this.watchdog.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.watchdog);
  }

  private async schedule(): Promise<void> {
    await this.jobs.schedule(
      'certificate.sweep',
      { every: this.config.certificateSweepIntervalSeconds * 1000 },
      { data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  async sweep(): Promise<number> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM certificates
       WHERE status = 'pending' AND updated_at < now() - make_interval(secs => $1)
       ORDER BY updated_at LIMIT $2`,
      [this.config.certificateSweepAfterSeconds, SWEEP_BATCH],
    );
    let enqueued = 0;
    for (const { id } of rows) {
      const job = await this.jobs.queueOf('certificate.render').getJob(id);
      if (
        job &&
        (await job.getState()) === 'failed' &&
        job.attemptsMade >= (job.opts.attempts ?? 1)
      ) {
        // The worker died before recording the final failure.
        await this.renderer.markFailed(id, job.failedReason || 'render failed');
        continue;
      }
      if (await this.producer.reenqueue(id)) enqueued += 1;
    }
    if (enqueued) this.logger.log(`re-enqueued ${enqueued} pending certificate(s)`);
    return enqueued;
  }
}
