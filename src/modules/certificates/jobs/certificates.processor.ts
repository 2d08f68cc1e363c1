import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobPayloads, QueueName, WORKER_METRICS } from '@app/queue';
import { AppConfig } from '../../../config/app-config';
import { JobHandler, JobRegistry } from '../../queue';
import { CertificateRenderService } from '../certificate-render.service';
import { CertificateSweeper } from '../certificate-sweeper';

/**
 * A short lock and stall check so a job whose worker died (SIGKILL, OOM) is handed to another
 * worker within seconds; renders take well under a second, the lock is renewed while running.
 */
@Processor(QueueName.Certificates, {
  lockDuration: 10_000,
  stalledInterval: 5_000,
  metrics: WORKER_METRICS,
})
export class CertificatesProcessor extends WorkerHost implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly renderer: CertificateRenderService,
    private readonly sweeper: CertificateSweeper,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.certificateRenderConcurrency;
  }

  process(job: Job, token?: string): Promise<unknown> {
    return this.jobs.run(QueueName.Certificates, job, token);
  }

  @JobHandler('certificate.render')
  render({ certificateId }: JobPayloads['certificate.render']) {
    if (typeof certificateId !== 'string') throw new Error('certificateId missing');
    return this.renderer.render(certificateId);
  }

  @JobHandler('certificate.sweep')
  sweep() {
    return this.sweeper.sweep();
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job || job.name !== 'certificate.render') return;
    if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const { certificateId } = job.data as JobPayloads['certificate.render'];
    await this.renderer.markFailed(certificateId, error.message);
  }
}
