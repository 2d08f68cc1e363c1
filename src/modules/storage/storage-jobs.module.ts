import { Module } from '@nestjs/common';
import { BlobCleanupService } from './blob-cleanup.service';
import { MaintenanceProcessor } from './jobs/maintenance.processor';
import { StorageSchedulers } from './jobs/storage-schedulers';

/** Worker side: the daily sweep of unreferenced blobs. */
@Module({
  providers: [BlobCleanupService, MaintenanceProcessor, StorageSchedulers],
})
export class StorageJobsModule {}
