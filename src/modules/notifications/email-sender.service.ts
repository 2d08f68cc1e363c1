import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  classifySmtpError,
  createSmtpSender,
  listUnsubscribeHeaders,
  OutgoingAttachment,
  renderEmail,
  SmtpSender,
  TemplateName,
} from '@app/mailer';
import type { BlobStorage } from '@app/storage';
import { Batcher, LINGERING_GROUP_COMMIT } from '../../common/batch/batcher';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/raw';
import { BLOB_STORAGE } from '../storage';
import { isUnsubscribable } from './domain/categories';
import { decideAfterFailure, describeError, isUserUnknown } from './domain/send-outcome';
import { EmailRateLimiter } from './email-rate-limiter';
import { OutboxAttachmentRef } from './entities/email-outbox.entity';
import { PreferencesService } from './preferences.service';

export type SendOutcome = 'sent' | 'skipped' | 'suppressed' | 'failed';

/** Thrown to make BullMQ retry the job with backoff (transient SMTP failure). */
export class RetryableSendError extends Error {}

interface ClaimedRow {
  id: string;
  user_id: string | null;
  recipient: string;
  template: TemplateName;
  locale: 'id' | 'en';
  category: string;
  data: Record<string, unknown>;
  attachments: OutboxAttachmentRef[] | null;
  attempts: number;
  idempotency_key: string;
  time_zone: string | null;
  suppressed: boolean;
  opted_out: boolean;
}

/**
 * Claim -> send -> record for one outbox row. Only one worker can hold a row (conditional
 * UPDATE); a claim older than the lease counts as abandoned and may be taken over.
 *
 * Duplicate window (unavoidable without SMTP-side deduplication): if the SMTP server accepted
 * the message and this process died before the UPDATE to `sent`, the row stays `sending`,
 * its lease expires, and it is sent again. Every message carries X-Idempotency-Key so the
 * duplicate is recognisable downstream.
 */
@Injectable()
export class EmailSenderService implements OnApplicationShutdown {
  private readonly logger = new Logger(EmailSenderService.name);
  private readonly smtp: SmtpSender;
  private warnedAboutHeaders = false;
  // Sends running at once share their claim and their "sent" UPDATE (group commit). The linger
  // before the "sent" mark widens the duplicate window (accepted by SMTP, not yet marked) by at
  // most 50 ms, and only when few sends run.
  private readonly claims = new Batcher(
    (ids: string[]) => this.claimMany(ids),
    LINGERING_GROUP_COMMIT,
  );
  private readonly sentMarks = new Batcher(
    (sent: { row: ClaimedRow; messageId: string }[]) => this.markSentMany(sent),
    LINGERING_GROUP_COMMIT,
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly preferences: PreferencesService,
    readonly rateLimiter: EmailRateLimiter,
    @Optional() @Inject(BLOB_STORAGE) private readonly storage: BlobStorage | null,
  ) {
    this.smtp = createSmtpSender(config.smtpUrl, {
      pool: true,
      timeoutMs: config.notifications.smtpTimeoutMs,
    });
  }

  onApplicationShutdown(): void {
    this.smtp.close();
  }

  /** Cheap pre-check before spending a rate-limit point. */
  async pendingRecipient(outboxId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(
      `SELECT recipient FROM email_outbox
        WHERE id = $1 AND (status = 'queued'
          OR (status = 'sending' AND updated_at < now() - make_interval(secs => $2)))`,
      [outboxId, this.config.notifications.sendLeaseSeconds],
    )) as { recipient: string }[];
    return row?.recipient ?? null;
  }

  async send(outboxId: string): Promise<SendOutcome> {
    const row = await this.claims.run(outboxId);
    if (!row) return 'skipped';
    if (row.suppressed || row.opted_out) {
      await this.finish(
        row,
        'suppressed',
        row.suppressed ? 'address suppressed' : `opted out of ${row.category}`,
      );
      return 'suppressed';
    }

    let message;
    try {
      message = await this.compose(row);
    } catch (e) {
      await this.finish(row, 'failed', `compose: ${describeError(e)}`);
      return 'failed';
    }

    try {
      const result = await this.smtp.send(message);
      await this.sentMarks.run({ row, messageId: result.messageId });
      return 'sent';
    } catch (e) {
      return this.handleFailure(row, e);
    }
  }

  /** Claims every row of the batch still queued (or abandoned); null for the others. */
  private async claimMany(outboxIds: string[]): Promise<(ClaimedRow | null)[]> {
    const rows = returnedRows<ClaimedRow>(
      await this.dataSource.query(
        `WITH claimed AS (
           UPDATE email_outbox SET status = 'sending', attempts = attempts + 1, updated_at = now()
            WHERE id = ANY($1::uuid[]) AND (status = 'queued'
              OR (status = 'sending' AND updated_at < now() - make_interval(secs => $2)))
           RETURNING *)
         SELECT c.id, c.user_id, c.recipient, c.template, c.locale, c.category, c.data, c.attachments,
                c.attempts, c.idempotency_key, u.time_zone,
                EXISTS (SELECT 1 FROM email_suppressions s WHERE s.email = lower(c.recipient)) AS suppressed,
                EXISTS (SELECT 1 FROM notification_preferences p
                         WHERE p.user_id = c.user_id AND p.category = c.category AND NOT p.enabled) AS opted_out
           FROM claimed c LEFT JOIN users u ON u.id = c.user_id`,
        [[...new Set(outboxIds)], this.config.notifications.sendLeaseSeconds],
      ),
    );
    // One holder per row: a second run of the same id in this batch gets nothing.
    const unclaimed = new Map(rows.map((row) => [row.id, row]));
    return outboxIds.map((id) => {
      const row = unclaimed.get(id) ?? null;
      unclaimed.delete(id);
      return row;
    });
  }

  private async compose(row: ClaimedRow) {
    const unsubscribeUrl =
      row.user_id && isUnsubscribable(row.category)
        ? this.preferences.unsubscribeUrl(row.user_id, row.category)
        : undefined;
    const rendered = renderEmail(row.template, row.data, {
      locale: row.locale,
      publicBaseUrl: this.config.publicBaseUrl,
      timeZone: row.time_zone ?? this.config.timeZone,
      unsubscribeUrl,
    });
    return {
      from: this.config.mailFrom,
      to: row.recipient,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: unsubscribeUrl ? this.unsubscribeHeaders(unsubscribeUrl) : undefined,
      attachments: await this.loadAttachments(row.attachments),
      messageIdHint: row.idempotency_key,
    };
  }

  private unsubscribeHeaders(url: string): Record<string, string> | undefined {
    try {
      return listUnsubscribeHeaders(url);
    } catch (e) {
      // Plain-http PUBLIC_BASE_URL outside localhost (a dev setup): RFC 8058 forbids the header.
      if (!this.warnedAboutHeaders) {
        this.warnedAboutHeaders = true;
        this.logger.warn(`List-Unsubscribe headers omitted: ${(e as Error).message}`);
      }
      return undefined;
    }
  }

  private async loadAttachments(
    refs: OutboxAttachmentRef[] | null,
  ): Promise<OutgoingAttachment[] | undefined> {
    if (!refs?.length) return undefined;
    if (!this.storage) throw new Error('attachments need BLOB_STORAGE, which is not provided');
    return Promise.all(
      refs.map(async (ref) => ({
        filename: ref.filename,
        contentType: ref.contentType,
        content: await this.storage!.get(ref.storageKey),
      })),
    );
  }

  private async handleFailure(row: ClaimedRow, err: unknown): Promise<SendOutcome> {
    const kind = classifySmtpError(err);
    const decision = decideAfterFailure(kind, row.attempts, this.config.notifications.maxAttempts);
    const reason = describeError(err);
    if (decision === 'failed') {
      await this.finish(row, 'failed', reason);
      if (kind === 'permanent' && isUserUnknown(err)) {
        await this.dataSource.query(
          `INSERT INTO email_suppressions (email, reason) VALUES (lower($1), $2) ON CONFLICT (email) DO NOTHING`,
          [row.recipient, reason.slice(0, 500)],
        );
      }
      return 'failed';
    }
    await this.dataSource.query(
      `UPDATE email_outbox SET status = 'queued', last_error = $3, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [row.id, row.attempts, reason],
    );
    throw new RetryableSendError(reason);
  }

  private async markSentMany(sent: { row: ClaimedRow; messageId: string }[]): Promise<void[]> {
    await this.dataSource.query(
      `UPDATE email_outbox o SET status = 'sent', message_id = v.message_id, sent_at = now(),
              last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::text[]) AS v(id, attempts, message_id)
        WHERE o.id = v.id AND o.status = 'sending' AND o.attempts = v.attempts`,
      [
        sent.map((s) => s.row.id),
        sent.map((s) => s.row.attempts),
        sent.map((s) => s.messageId.slice(0, 300)),
      ],
    );
    return sent.map(() => undefined);
  }

  private async finish(
    row: ClaimedRow,
    status: 'failed' | 'suppressed',
    reason: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE email_outbox SET status = $3, last_error = $4, updated_at = now()
        WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [row.id, row.attempts, status, reason.slice(0, 1000)],
    );
  }
}
