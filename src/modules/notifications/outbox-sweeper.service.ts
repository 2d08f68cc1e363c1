import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { OutboxDispatcher } from './outbox-dispatcher';

const PAGE = 1000;

/**
 * Re-enqueues rows still `queued` or `sending` after the lease: a lost enqueue (Redis down,
 * crash between commit and add) or a worker that died mid-send. Adding a job whose id is still
 * waiting/delayed is a no-op in BullMQ, so sweeping a healthy backlog is harmless.
 */
@Injectable()
export class OutboxSweeper {
  private readonly logger = new Logger(OutboxSweeper.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly config: AppConfig,
  ) {}

  async sweep(): Promise<number> {
    // The cursor keeps updated_at as text: a JS Date would drop the microseconds.
    let after: { updatedAt: string; id: string } | null = null;
    let total = 0;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT id, updated_at::text AS updated_at FROM email_outbox
          WHERE status IN ('queued', 'sending')
            AND updated_at < now() - make_interval(secs => $1)
            AND ($2::timestamptz IS NULL OR (updated_at, id) > ($2::timestamptz, $3::uuid))
          ORDER BY updated_at, id LIMIT $4`,
        [
          this.config.notifications.sendLeaseSeconds,
          after?.updatedAt ?? null,
          after?.id ?? null,
          PAGE,
        ],
      )) as { id: string; updated_at: string }[];
      if (rows.length === 0) break;
      await this.dispatcher.dispatch(rows.map((r) => r.id));
      total += rows.length;
      const last = rows[rows.length - 1];
      after = { updatedAt: last.updated_at, id: last.id };
      if (rows.length < PAGE) break;
    }
    if (total > 0) this.logger.log(`re-enqueued ${total} pending e-mails`);
    return total;
  }
}
