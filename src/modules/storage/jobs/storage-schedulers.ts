import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { JobQueue } from '../../queue';

/** Daily at 03:30 local time: delete blobs no row references (see BlobCleanupService). */
@Injectable()
export class StorageSchedulers implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.schedule(
      'storage.sweep-orphans',
      { pattern: '30 3 * * *', tz: this.config.timeZone },
      { opts: { attempts: 3 } },
    );
  }
}
