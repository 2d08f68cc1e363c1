import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { OutboxDispatcher } from './outbox-dispatcher';
import { ALL_REMINDER_KINDS, ReminderKind } from './reminder-queries';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface ScanResult {
  [kind: string]: { seen: number; queued: number };
}

/**
 * The hourly scan. Walks each kind in keyset pages (never the whole table in memory), inserts
 * outbox rows keyed by idempotency key and enqueues one send job per new row, page by page.
 * `now` is injected so tests (and a re-run of a missed hour) can move the clock.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly config: AppConfig,
  ) {}

  pageSize = 1000;

  async scan(now: Date = new Date()): Promise<ScanResult> {
    const result: ScanResult = {};
    const missing = await this.missingTables(ALL_REMINDER_KINDS.flatMap((k) => k.tables));
    for (const kind of ALL_REMINDER_KINDS) {
      if (kind.tables.some((t) => missing.has(t))) {
        this.logger.warn(`skipping ${kind.name} reminders: table(s) not migrated yet`);
        continue;
      }
      result[kind.name] = await this.scanKind(kind, now);
    }
    this.logger.log(`reminder scan at ${now.toISOString()}: ${JSON.stringify(result)}`);
    return result;
  }

  private async missingTables(tables: string[]): Promise<Set<string>> {
    const unique = [...new Set(tables)];
    const rows = (await this.dataSource.query(
      'SELECT t AS name FROM unnest($1::text[]) t WHERE to_regclass(t) IS NULL',
      [unique],
    )) as { name: string }[];
    return new Set(rows.map((r) => r.name));
  }

  private async scanKind(kind: ReminderKind, now: Date): Promise<{ seen: number; queued: number }> {
    let cursor = NIL_UUID;
    let seen = 0;
    let queued = 0;
    for (;;) {
      const params: unknown[] = [cursor, now.toISOString(), this.pageSize];
      if (kind.needsInactivityDefault) params.push(this.config.notifications.inactivityDaysDefault);
      const [page] = (await this.dataSource.query(kind.sql, params)) as {
        last_id: string | null;
        seen: number;
        ids: string[];
      }[];
      seen += page.seen;
      queued += page.ids.length;
      await this.dispatcher.dispatch(page.ids);
      if (!page.last_id || page.seen < this.pageSize) break;
      cursor = page.last_id;
    }
    return { seen, queued };
  }
}
