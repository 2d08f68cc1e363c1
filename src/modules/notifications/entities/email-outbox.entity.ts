import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** A file to attach at send time, read from blob storage (never stored in the row). */
export interface OutboxAttachmentRef {
  filename: string;
  storageKey: string;
  contentType: string;
}

/**
 * One logical e-mail. The unique idempotency key makes every producer safe to re-run; the
 * status moves queued -> sending (claimed by one worker) -> sent | failed | suppressed.
 */
@Entity('email_outbox')
@Index('ix_email_outbox_created', ['createdAt', 'id'])
@Index('ix_email_outbox_pending', ['updatedAt'], { where: "status IN ('queued', 'sending')" })
@Index('ix_email_outbox_recipient', ['recipient', 'createdAt', 'id'])
export class EmailOutbox extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 254 })
  recipient!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'varchar', length: 2 })
  locale!: 'id' | 'en';

  @Column({ type: 'varchar', length: 32 })
  category!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  attachments!: OutboxAttachmentRef[] | null;

  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status!: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @Index('uq_email_outbox_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 200 })
  idempotencyKey!: string;

  @Column({ name: 'message_id', type: 'varchar', length: 300, nullable: true })
  messageId!: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
