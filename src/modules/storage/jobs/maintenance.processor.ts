import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QueueName, WORKER_METRICS } from '@app/queue';
import { JobHandler, JobRegistry } from '../../queue';
import { BlobCleanupService } from '../blob-cleanup.service';

@Processor(QueueName.Maintenance, { concurrency: 1, metrics: WORKER_METRICS })
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly cleanup: BlobCleanupService,
  ) {
    super();
  }

  process(job: Job, token?: string): Promise<unknown> {
    return this.jobs.run(QueueName.Maintenance, job, token);
  }

  @JobHandler('storage.sweep-orphans')
  sweepOrphans() {
    return this.cleanup.sweepOrphans();
  }
}
