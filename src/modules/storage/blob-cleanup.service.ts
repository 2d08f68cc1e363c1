import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BlobStorage } from '@app/storage';
import { referencedStorageKeys } from './blob-references.query';
import { isOrphanBlob } from './domain/orphan-blobs';
import { InjectBlobStorage } from './storage.module';

const PAGE_SIZE = 500;

export interface OrphanSweepResult {
  scanned: number;
  deleted: number;
}

/**
 * Deletes blobs no row references any more (a render killed after storing its PDF, a
 * replaced lesson file, an interrupted write's temp file) once they are a day old.
 */
@Injectable()
export class BlobCleanupService {
  private readonly logger = new Logger(BlobCleanupService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectBlobStorage() private readonly storage: BlobStorage,
  ) {}

  async sweepOrphans(now = new Date()): Promise<OrphanSweepResult> {
    let scanned = 0;
    let deleted = 0;
    let after: string | undefined;
    do {
      const page = await this.storage.list({ after, limit: PAGE_SIZE });
      scanned += page.items.length;
      const referenced = await referencedStorageKeys(
        this.db,
        page.items.map((b) => b.key),
      );
      for (const blob of page.items) {
        if (!isOrphanBlob(blob, referenced, now)) continue;
        await this.storage.delete(blob.key);
        deleted += 1;
      }
      after = page.nextCursor ?? undefined;
    } while (after);
    this.logger.log(`orphan blob sweep: ${deleted} deleted of ${scanned} scanned`);
    return { scanned, deleted };
  }
}
