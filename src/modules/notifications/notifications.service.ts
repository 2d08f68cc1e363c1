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
import { CERTIFICATE_ISSUED_SQL, INSERT_ENROLLED_BY_HR_SQL, RECIPIENTS_SQL } from './mail-queries';
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
    const [result] = await this.enqueueMany([input], tx);
    return result;
  }

  /** Several mails in one INSERT; one result per input, in order. */
  async enqueueMany(
    inputs: readonly EnqueueEmailInput[],
    tx?: EntityManager,
  ): Promise<EnqueueResult[]> {
    if (inputs.length === 0) return [];
    for (const input of inputs) {
      if (!TEMPLATE_NAMES.includes(input.template)) {
        throw new DomainError('BAD_REQUEST', `Unknown e-mail template "${input.template}"`);
      }
    }
    const manager = tx ?? this.dataSource.manager;
    const recipients = await this.resolveRecipients(inputs, manager);
    const rows = (await manager.query(
      `INSERT INTO email_outbox
         (user_id, recipient, template, locale, category, data, attachments, idempotency_key)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
                            $6::jsonb[], $7::jsonb[], $8::text[])
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, idempotency_key`,
      [
        recipients.map((r) => r.userId),
        recipients.map((r) => r.email),
        inputs.map((i) => i.template),
        inputs.map((i, n) => i.locale ?? recipients[n].locale),
        inputs.map((i) => templateCategory(i.template)),
        inputs.map((i) => JSON.stringify(i.data)),
        inputs.map((i) => (i.attachments?.length ? JSON.stringify(i.attachments) : null)),
        inputs.map((i) => i.idempotencyKey),
      ],
    )) as { id: string; idempotency_key: string }[];
    const created = new Map(rows.map((r) => [r.idempotency_key, r.id]));
    if (rows.length > 0) {
      const ids = rows.map((r) => r.id);
      await this.afterCommit.schedule(tx, () => this.dispatcher.dispatch(ids));
    }
    return inputs.map((input) => {
      const id = created.get(input.idempotencyKey) ?? null;
      return { id, created: id !== null };
    });
  }

  /** "Certificate issued" mails (transactional), optionally with the PDF attached. */
  async certificatesIssued(certificateIds: readonly string[], tx?: EntityManager): Promise<void> {
    const manager = tx ?? this.dataSource.manager;
    const certs = (await manager.query(CERTIFICATE_ISSUED_SQL, [
      certificateIds,
    ])) as CertificateRow[];
    await this.enqueueMany(
      certs.map((cert) => this.certificateIssuedMail(cert)),
      tx,
    );
  }

  private certificateIssuedMail(cert: CertificateRow): EnqueueEmailInput {
    const attach = this.config.notifications.attachCertificatePdf && cert.storage_key;
    return {
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
    };
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

  private async resolveRecipients(
    inputs: readonly EnqueueEmailInput[],
    manager: EntityManager,
  ): Promise<{ userId: string | null; email: string; locale: Locale }[]> {
    const userIds = [...new Set(inputs.flatMap((i) => (i.userId ? [i.userId] : [])))];
    const users = new Map<string, { email: string; locale: Locale }>();
    if (userIds.length > 0) {
      const rows = (await manager.query(RECIPIENTS_SQL, [userIds])) as {
        id: string;
        email: string;
        locale: Locale;
      }[];
      for (const row of rows) users.set(row.id, row);
    }
    return inputs.map((input) => {
      if (input.userId) {
        const user = users.get(input.userId);
        if (!user) {
          throw new DomainError('EMAIL_RECIPIENT_UNKNOWN', 'The recipient user does not exist');
        }
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
    });
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
