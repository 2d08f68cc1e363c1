import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { AppConfig } from '../../../config/app-config';

export const ORPHAN_SWEEP_SCHEDULER = 'storage-sweep-orphans';

/** Daily at 03:30 local time: delete blobs no row references (see BlobCleanupService). */
@Injectable()
export class StorageSchedulers implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ORPHAN_SWEEP_SCHEDULER,
      { pattern: '30 3 * * *', tz: this.config.timeZone },
      { name: 'storage.sweep-orphans', data: {}, opts: { attempts: 3 } },
    );
  }
}
