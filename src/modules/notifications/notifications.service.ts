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
    const [cert] = (await manager.query(
      `SELECT c.id, c.user_id, c.number, c.verification_code, c.storage_key,
              c.course_title_id, c.course_title_en, u.name AS learner_name, u.locale
         FROM certificates c JOIN users u ON u.id = c.user_id
        WHERE c.id = $1 AND c.status = 'issued'`,
      [certificateId],
    )) as CertificateRow[];
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
    await tx.query(
      `INSERT INTO email_outbox (user_id, recipient, template, locale, category, data, idempotency_key)
       SELECT u.id, u.email, 'enrolled_by_hr', u.locale, 'notification',
              jsonb_build_object(
                'learnerName', u.name,
                'courseTitle', CASE WHEN u.locale = 'en' THEN cv.title_en ELSE cv.title_id END,
                'dueAt', e.due_at,
                'organizationName', o.name,
                'courseUrl', '/courses/' || e.course_id),
              'enrolled:' || e.id
         FROM enrollments e
         JOIN users u ON u.id = e.user_id AND u.is_active
         JOIN course_versions cv ON cv.id = e.course_version_id
         JOIN organizations o ON o.id = e.organization_id
        WHERE e.id = ANY($1::uuid[])
       ON CONFLICT (idempotency_key) DO NOTHING`,
      [enrollmentIds],
    );
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
      const [user] = (await manager.query('SELECT email, locale FROM users WHERE id = $1', [
        input.userId,
      ])) as { email: string; locale: Locale }[];
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
