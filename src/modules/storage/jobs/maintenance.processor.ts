import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QueueName, WORKER_METRICS } from '@app/queue';
import { BlobCleanupService } from '../blob-cleanup.service';

@Processor(QueueName.Maintenance, { concurrency: 1, metrics: WORKER_METRICS })
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly cleanup: BlobCleanupService) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'storage.sweep-orphans':
        return this.cleanup.sweepOrphans();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
