import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { escapeLike } from '../../common/text/like-pattern';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';

export interface SuppressionView {
  email: string;
  reason: string;
  createdAt: Date;
}

/** Admin views of the suppression list: newest first, and removing an address from it. */
@Injectable()
export class SuppressionsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(filter: {
    search?: string;
    limit: number;
    cursor?: string;
  }): Promise<Page<SuppressionView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.search) {
      params.push(`%${escapeLike(filter.search.trim().toLowerCase())}%`);
      where.push(`email LIKE $${params.length}`);
    }
    const cursor = decodeCursor(filter.cursor, ['timestamp', 'text']);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(`(created_at, email) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(filter.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT email, reason, created_at AS "createdAt", created_at::text AS "cursorTs"
         FROM email_suppressions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY created_at DESC, email DESC LIMIT $${params.length}`,
      params,
    )) as (SuppressionView & { cursorTs?: string })[];
    const page = toPage(rows, filter.limit, (r) => [r.cursorTs!, r.email]);
    for (const row of page.items) delete row.cursorTs;
    return page;
  }

  /** Mail to the address goes out again from now on (mails that already failed stay failed). */
  async remove(email: string, actor: AuthUser): Promise<void> {
    const removed = returnedRows<{ email: string; reason: string }>(
      await this.dataSource.query(
        'DELETE FROM email_suppressions WHERE email = $1 RETURNING email, reason',
        [email.trim().toLowerCase()],
      ),
    );
    if (!removed[0]) throw notFound('Suppressed address');
    await this.audit.record({
      actorId: actor.id,
      action: 'email.suppression-removed',
      // The address has no uuid of its own: the entry is filed under the admin who removed it.
      entityType: 'email_suppression',
      entityId: actor.id,
      data: { email: removed[0].email, reason: removed[0].reason },
    });
  }
}
