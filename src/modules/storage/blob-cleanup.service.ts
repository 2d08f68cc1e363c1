import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BlobStorage } from '@app/storage';
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
      const referenced = await this.referencedKeys(page.items.map((b) => b.key));
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

  /**
   * Every column that holds a storage key, read-only: certificate PDFs, lesson files
   * (lesson content `file.key`, shared by the versions that copied it) and attachments of
   * e-mails still to be sent. A new kind of stored file adds its column here, or its blobs
   * are swept after a day.
   */
  private async referencedKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = (await this.db.query(
      `SELECT storage_key AS key FROM certificates WHERE storage_key = ANY($1::text[])
       UNION
       SELECT content->'file'->>'key' FROM lessons WHERE content->'file'->>'key' = ANY($1::text[])
       UNION
       SELECT a->>'storageKey' FROM email_outbox o,
              jsonb_array_elements(CASE WHEN jsonb_typeof(o.attachments) = 'array'
                                        THEN o.attachments ELSE '[]'::jsonb END) a
        WHERE o.status IN ('queued', 'sending') AND a->>'storageKey' = ANY($1::text[])`,
      [keys],
    )) as { key: string }[];
    return new Set(rows.map((r) => r.key));
  }
}
