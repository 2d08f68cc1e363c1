import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Locale,
  renderEmail,
  RenderedEmail,
  sampleTemplateData,
  TEMPLATE_NAMES,
  TemplateName,
  templateCategory,
} from '@app/mailer';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import { isUnsubscribable } from './domain/categories';
import { OutboxStatus } from './entities/email-outbox.entity';
import { OutboxDispatcher } from './outbox-dispatcher';

export interface OutboxRowView {
  id: string;
  userId: string | null;
  recipient: string;
  template: string;
  locale: string;
  category: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  idempotencyKey: string;
  messageId: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  template?: string;
  recipient?: string;
  limit: number;
  cursor?: string;
}

const VIEW_COLUMNS = `id, user_id AS "userId", recipient, template, locale, category, status, attempts,
  last_error AS "lastError", idempotency_key AS "idempotencyKey", message_id AS "messageId",
  sent_at AS "sentAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Admin views of the outbox: list, retry of failed rows, per-status counts, template preview. */
@Injectable()
export class OutboxAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async list(filter: OutboxFilter): Promise<Page<OutboxRowView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.status) add('status = ?', filter.status);
    if (filter.template) add('template = ?', filter.template);
    if (filter.recipient) add('recipient = ?', filter.recipient.trim().toLowerCase());
    const cursor = decodeCursor(filter.cursor, ['timestamp', 'uuid']);
    if (cursor) {
      params.push(cursor[0], cursor[1]);
      where.push(
        `(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT ${VIEW_COLUMNS}, created_at::text AS "cursorTs" FROM email_outbox
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as (OutboxRowView & { cursorTs?: string })[];
    // created_at goes into the cursor as text: a JS Date would drop the microseconds.
    const page = toPage(rows, filter.limit, (r) => [r.cursorTs!, r.id]);
    for (const row of page.items) delete row.cursorTs;
    return page;
  }

  /** Puts a failed row back in the queue with a fresh attempt budget. */
  async retry(id: string, actor: AuthUser): Promise<OutboxRowView> {
    const rows = returnedRows<OutboxRowView>(
      await this.dataSource.query(
        `UPDATE email_outbox SET status = 'queued', attempts = 0, last_error = NULL, updated_at = now()
          WHERE id = $1 AND status = 'failed' RETURNING ${VIEW_COLUMNS}`,
        [id],
      ),
    );
    if (!rows[0]) {
      const [exists] = (await this.dataSource.query(
        'SELECT status FROM email_outbox WHERE id = $1',
        [id],
      )) as { status: string }[];
      if (!exists) throw notFound('E-mail');
      throw new DomainError(
        'EMAIL_NOT_RETRYABLE',
        `Only failed e-mails can be retried (this one is ${exists.status})`,
      );
    }
    await this.audit.record({
      actorId: actor.id,
      action: 'email.retried',
      entityType: 'email_outbox',
      entityId: id,
    });
    await this.dispatcher.dispatch([id]);
    return rows[0];
  }

  async countsByStatus(): Promise<Record<string, number>> {
    const rows = (await this.dataSource.query(
      'SELECT status, count(*)::int AS n FROM email_outbox GROUP BY status',
    )) as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  preview(name: string, locale: Locale | undefined): RenderedEmail & { category: string } {
    if (!TEMPLATE_NAMES.includes(name as TemplateName)) throw notFound('E-mail template');
    const template = name as TemplateName;
    const category = templateCategory(template);
    const rendered = renderEmail(template, sampleTemplateData(template), {
      locale: locale ?? this.config.defaultLocale,
      publicBaseUrl: this.config.publicBaseUrl,
      timeZone: this.config.timeZone,
      unsubscribeUrl: isUnsubscribable(category) ? '/api/v1/unsubscribe?token=preview' : undefined,
    });
    return { ...rendered, category };
  }
}
