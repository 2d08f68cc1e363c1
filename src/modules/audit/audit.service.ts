import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { prepared, queryPrepared } from '../../database/raw';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  organizationId?: string | null;
  data?: Record<string, unknown>;
}

/** One recorded entry, as the admin viewer reads it. */
export interface AuditEntryView {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  organizationId: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** Filters of the admin viewer; every one optional, `from` inclusive and `to` exclusive. */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  organizationId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

const INSERT_ENTRIES = prepared(
  `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, organization_id, data)
   SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[], $6::jsonb[])`,
);

/** Append-only audit trail. Pass the caller's transaction manager so the entry commits with the change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await this.recordMany([event], manager);
  }

  /** Several entries in one INSERT. */
  async recordMany(
    events: readonly AuditEvent[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (events.length === 0) return;
    // Plain SQL, prepared: it is on every audited write.
    await queryPrepared(manager, INSERT_ENTRIES, [
      events.map((e) => e.actorId),
      events.map((e) => e.action),
      events.map((e) => e.entityType),
      events.map((e) => e.entityId),
      events.map((e) => e.organizationId ?? null),
      events.map((e) => JSON.stringify(e.data ?? {})),
    ]);
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(filter: AuditFilter): Promise<Page<AuditEntryView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.actorId) add('actor_id = ?::uuid', filter.actorId);
    if (filter.action) add('action = ?', filter.action);
    if (filter.entityType) add('entity_type = ?', filter.entityType);
    if (filter.entityId) add('entity_id = ?::uuid', filter.entityId);
    if (filter.organizationId) add('organization_id = ?::uuid', filter.organizationId);
    if (filter.from) add('created_at >= ?::timestamptz', filter.from);
    if (filter.to) add('created_at < ?::timestamptz', filter.to);
    const cursor = decodeCursor(filter.cursor, ['timestamp', 'uuid']);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(
        `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT id, actor_id AS "actorId", action, entity_type AS "entityType",
              entity_id AS "entityId", organization_id AS "organizationId", data,
              created_at AS "createdAt", created_at::text AS "cursorTs"
         FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as (AuditEntryView & { cursorTs?: string })[];
    // created_at goes into the cursor as text: a JS Date would drop the microseconds.
    const page = toPage(rows, filter.limit, (r) => [r.cursorTs!, r.id]);
    for (const row of page.items) delete row.cursorTs;
    return page;
  }
}
