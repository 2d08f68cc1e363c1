import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';
// Another module's entity is named by string in the relation and imported as a type only, so
// loading this entity (migrations, the TypeORM CLI) never loads that module's services.
import type { Enrollment } from '../../enrollments';
import type { Organization } from '../../organizations';
import type { User } from '../../users';

export enum CertificateStatus {
  Pending = 'pending',
  Issued = 'issued',
  Failed = 'failed',
  Revoked = 'revoked',
  Superseded = 'superseded',
}

export type SupersedeReason = 'reissue' | 'renewal';

/**
 * One row per certificate version. A re-issue adds a row (same number, version + 1) and marks
 * the old one superseded; at most one row per enrollment is current (not superseded).
 */
@Entity('certificates')
@Index('uq_certificates_enrollment_version', ['enrollmentId', 'version'], { unique: true })
@Index('uq_certificates_enrollment_current', ['enrollmentId'], {
  unique: true,
  where: 'superseded_by_id IS NULL',
})
@Index('uq_certificates_number_version', ['number', 'version'], { unique: true })
@Index('ix_certificates_org_created', ['organizationId', 'createdAt', 'id'])
@Index('ix_certificates_user_created', ['userId', 'createdAt', 'id'])
@Index('ix_certificates_pending', ['updatedAt'], { where: "status = 'pending'" })
export class Certificate extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne('Enrollment', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrollment_id' })
  enrollment?: Enrollment;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId!: string;

  /** Assigned by the render worker (gap-free per competency and year); null while unassigned. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  /** 128 random bits, base32; the only thing public URLs carry. */
  @Index('uq_certificates_verification_code', { unique: true })
  @Column({ name: 'verification_code', type: 'varchar', length: 32 })
  verificationCode!: string;

  @Column({
    type: 'enum',
    enum: CertificateStatus,
    enumName: 'certificate_status',
    default: CertificateStatus.Pending,
  })
  status!: CertificateStatus;

  @Column({ name: 'failure_reason', type: 'varchar', length: 1000, nullable: true })
  failureReason!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'storage_key', type: 'varchar', length: 512, nullable: true })
  storageKey!: string | null;

  @Index('ix_certificates_sha256')
  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ name: 'byte_size', type: 'int', nullable: true })
  byteSize!: number | null;

  @Column({ name: 'completed_at', type: 'timestamptz' })
  completedAt!: Date;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 500, nullable: true })
  revokedReason!: string | null;

  @Column({ name: 'revoked_by_id', type: 'uuid', nullable: true })
  revokedById!: string | null;

  @Column({ name: 'superseded_by_id', type: 'uuid', nullable: true })
  supersededById!: string | null;

  @Column({ name: 'superseded_reason', type: 'varchar', length: 16, nullable: true })
  supersededReason!: SupersedeReason | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column({ name: 'renews_certificate_id', type: 'uuid', nullable: true })
  renewsCertificateId!: string | null;

  @Column({ name: 'learner_name', type: 'varchar', length: 200 })
  learnerName!: string;

  @Column({ name: 'learner_id_kind', type: 'varchar', length: 16, nullable: true })
  learnerIdKind!: 'nik' | 'employee_id' | null;

  @Column({ name: 'learner_id_value', type: 'varchar', length: 64, nullable: true })
  learnerIdValue!: string | null;

  @Column({ name: 'course_title_id', type: 'varchar', length: 300 })
  courseTitleId!: string;

  @Column({ name: 'course_title_en', type: 'varchar', length: 300 })
  courseTitleEn!: string;

  @Column({ name: 'competency_code', type: 'varchar', length: 32 })
  competencyCode!: string;

  @Column({ name: 'jp_hours', type: 'int' })
  jpHours!: number;

  /** The PDF signing certificate's subject (Node's X509Certificate#subject); set when issued. */
  @Column({ name: 'pdf_signer_subject', type: 'text', nullable: true })
  pdfSignerSubject!: string | null;

  /** Position in the Open Badges revocation status list; assigned by the database on insert. */
  @Index('uq_certificates_status_list_index', { unique: true })
  @Column({
    name: 'status_list_index',
    type: 'int',
    insert: false,
    update: false,
    default: () => "nextval('certificate_status_list_index_seq')",
  })
  statusListIndex!: number;
}
