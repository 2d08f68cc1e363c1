import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Locale, TEMPLATE_NAMES, TemplateName, templateCategory } from '@app/mailer';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { AfterCommit } from '../../database/after-commit';
import { certIssuedKey, enrolledKey } from './domain/reminder-keys';
import { normalizeEmail } from './domain/recipient';
import { OutboxAttachmentRef } from './entities/email-outbox.entity';
import { CERTIFICATE_ISSUED_SQL, INSERT_ENROLLED_BY_HR_SQL, RECIPIENT_SQL } from './mail-queries';
import { OutboxDispatcher } from './outbox-dispatcher';

export interface EnqueueEmailInput {
  /** The recipient user (address and locale come from the users table) ... */
  userId?: string;
  /** ... or a bare address (no preferences, no unsubscribe link). */
  email?: string;
  template: TemplateName;
  /** Defaults to the user's locale, then DEFAULT_LOCALE. */
  locale?: Locale;
  data: Record<string, unknown>;
  /** One mail per key, ever, e.g. `essay-graded:{attemptId}`. */
  idempotencyKey: string;
  attachments?: OutboxAttachmentRef[];
}

export interface EnqueueResult {
  /** The outbox row id; null when the key already existed (nothing new queued). */
  id: string | null;
  created: boolean;
}

/**
 * The one entry point producers use. The row is inserted (ON CONFLICT DO NOTHING on the
 * idempotency key) in the caller's transaction when one is given, and `email.send` is enqueued
 * only after that transaction commits; the sweeper covers an enqueue lost in between.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: OutboxDispatcher,
    private readonly afterCommit: AfterCommit,
    private readonly config: AppConfig,
  ) {}

  async enqueue(input: EnqueueEmailInput, tx?: EntityManager): Promise<EnqueueResult> {
    if (!TEMPLATE_NAMES.includes(input.template)) {
      throw new DomainError('BAD_REQUEST', `Unknown e-mail template "${input.template}"`);
    }
    const manager = tx ?? this.dataSource.manager;
    const recipient = await this.resolveRecipient(input, manager);
    const rows = (await manager.query(
      `INSERT INTO email_outbox
         (user_id, recipient, template, locale, category, data, attachments, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [
        recipient.userId,
        recipient.email,
        input.template,
        input.locale ?? recipient.locale,
        templateCategory(input.template),
        JSON.stringify(input.data),
        input.attachments?.length ? JSON.stringify(input.attachments) : null,
        input.idempotencyKey,
      ],
    )) as { id: string }[];
    const id = rows[0]?.id ?? null;
    if (id) await this.afterCommit.schedule(tx, () => this.dispatcher.dispatch([id]));
    return { id, created: id !== null };
  }

  /** "Certificate issued" mail (transactional), optionally with the PDF attached. */
  async certificateIssued(certificateId: string, tx?: EntityManager): Promise<EnqueueResult> {
    const manager = tx ?? this.dataSource.manager;
    const [cert] = (await manager.query(CERTIFICATE_ISSUED_SQL, [
      certificateId,
    ])) as CertificateRow[];
    if (!cert) return { id: null, created: false };
    const attach = this.config.notifications.attachCertificatePdf && cert.storage_key;
    return this.enqueue(
      {
        userId: cert.user_id,
        template: 'certificate_issued',
        data: {
          learnerName: cert.learner_name,
          courseTitle: cert.locale === 'en' ? cert.course_title_en : cert.course_title_id,
          certificateNumber: cert.number,
          verifyUrl: `/verify/${encodeURIComponent(cert.verification_code)}`,
          downloadUrl: `/certificates/${cert.id}`,
        },
        idempotencyKey: certIssuedKey(cert.id),
        attachments: attach
          ? [
              {
                filename: `${cert.number.replace(/[^A-Za-z0-9._-]+/g, '-')}.pdf`,
                storageKey: cert.storage_key!,
                contentType: 'application/pdf',
              },
            ]
          : undefined,
      },
      tx,
    );
  }

  /** Inside the assigning transaction: one "enrolled by HR" row per enrollment. */
  async insertEnrolledByHr(enrollmentIds: string[], tx: EntityManager): Promise<void> {
    if (enrollmentIds.length === 0) return;
    await tx.query(INSERT_ENROLLED_BY_HR_SQL, [enrollmentIds]);
  }

  /** After commit: enqueue the rows insertEnrolledByHr created (re-adding is harmless). */
  async dispatchEnrolledByHr(enrollmentIds: string[]): Promise<void> {
    if (enrollmentIds.length === 0) return;
    const rows = (await this.dataSource.query(
      `SELECT id FROM email_outbox WHERE idempotency_key = ANY($1::text[]) AND status = 'queued'`,
      [enrollmentIds.map(enrolledKey)],
    )) as { id: string }[];
    await this.dispatcher.dispatch(rows.map((r) => r.id));
  }

  private async resolveRecipient(
    input: EnqueueEmailInput,
    manager: EntityManager,
  ): Promise<{ userId: string | null; email: string; locale: Locale }> {
    if (input.userId) {
      const [user] = (await manager.query(RECIPIENT_SQL, [input.userId])) as {
        email: string;
        locale: Locale;
      }[];
      if (!user)
        throw new DomainError('EMAIL_RECIPIENT_UNKNOWN', 'The recipient user does not exist');
      return { userId: input.userId, email: user.email, locale: user.locale };
    }
    if (input.email) {
      return {
        userId: null,
        email: normalizeEmail(input.email),
        locale: this.config.defaultLocale,
      };
    }
    throw new DomainError('EMAIL_RECIPIENT_UNKNOWN', 'Either userId or email is required');
  }
}

interface CertificateRow {
  id: string;
  user_id: string;
  number: string;
  verification_code: string;
  storage_key: string | null;
  course_title_id: string;
  course_title_en: string;
  learner_name: string;
  locale: Locale;
}
