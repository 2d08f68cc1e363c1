import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { PreparedStatement, prepared, queryPrepared, returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import { CourseCatalog } from '../courses';
import type { EnrollmentCompletedEvent } from '../enrollments';
import { expiryFrom } from './domain/certificate-status';
import { generateVerificationCode } from './domain/verification-code';
import { Certificate } from './entities/certificate.entity';

/**
 * One statement: the learner's name and ID are read from users as the row goes in; the course
 * facts come from the version outline (published versions never change). The ID shown is the
 * NIK, else the employee ID, else none.
 */
const INSERT_PENDING = `
INSERT INTO certificates (id, enrollment_id, version, user_id, organization_id, course_id,
  course_version_id, number, verification_code, status, completed_at, expires_at,
  renews_certificate_id, course_title_id, course_title_en, competency_code, jp_hours,
  learner_name, learner_id_kind, learner_id_value)
SELECT $1, $2, $3, u.id, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12, $13, $14, $15, u.name,
       CASE WHEN u.nik <> '' THEN 'nik' WHEN u.employee_id <> '' THEN 'employee_id' END,
       CASE WHEN u.nik <> '' THEN u.nik WHEN u.employee_id <> '' THEN u.employee_id END
  FROM users u WHERE u.id = $16`;
const INSERT_FOR_COMPLETION = prepared(
  `${INSERT_PENDING} ON CONFLICT (enrollment_id, version) DO NOTHING RETURNING id`,
);
const INSERT_REISSUE = prepared(`${INSERT_PENDING} RETURNING id`);

interface PendingCertificate {
  enrollmentId: string;
  version: number;
  userId: string;
  organizationId: string | null;
  courseVersionId: string;
  number: string | null;
  completedAt: Date;
  /** Undefined: from the course version's validity. */
  expiresAt?: Date | null;
  renewsCertificateId: string | null;
}

/** Creates `pending` certificate rows inside the caller's transaction (completion, re-issue). */
@Injectable()
export class CertificateIssuanceService {
  constructor(
    private readonly audit: AuditService,
    private readonly courses: CourseCatalog,
  ) {}

  /**
   * Called in the completing transaction. The enrollment's first certificate is version 1, and
   * (enrollment_id, version) is unique: a completion racing itself waits on the other's row
   * and inserts nothing. The number comes later, from the render worker
   * (`CertificateNumbering`), so completions never queue behind the counter row.
   * Returns the new certificate id, or null when this enrollment already has one.
   */
  async createForCompletion(event: EnrollmentCompletedEvent, tx: EntityManager) {
    const id = await this.insertPending(
      tx,
      {
        enrollmentId: event.enrollmentId,
        version: 1,
        userId: event.userId,
        organizationId: event.organizationId,
        courseVersionId: event.courseVersionId,
        number: null,
        completedAt: event.completedAt,
        renewsCertificateId: event.renewalOfCertificateId,
      },
      INSERT_FOR_COMPLETION,
    );
    if (!id) return null;
    await this.afterCreate(tx, id, event.organizationId, null, 'certificate.requested', {
      enrollmentId: event.enrollmentId,
      renewsCertificateId: event.renewalOfCertificateId,
    });
    return id;
  }

  /** New version of an issued certificate after a data fix: same number, new code. */
  async createReissue(old: Certificate, actorId: string, reason: string, tx: EntityManager) {
    const id = randomUUID();
    const superseded = returnedRows<{ id: string }>(
      await tx.query(
        `UPDATE certificates SET status = 'superseded', superseded_by_id = $2,
         superseded_reason = 'reissue', superseded_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'issued' AND superseded_by_id IS NULL RETURNING id`,
        [old.id, id],
      ),
    );
    if (superseded.length === 0) {
      throw new DomainError(
        'CERTIFICATE_NOT_REISSUABLE',
        'Only an issued certificate can be re-issued',
      );
    }
    await this.insertPending(
      tx,
      {
        enrollmentId: old.enrollmentId,
        version: old.version + 1,
        userId: old.userId,
        organizationId: old.organizationId,
        courseVersionId: old.courseVersionId,
        number: old.number,
        completedAt: old.completedAt,
        expiresAt: old.expiresAt,
        renewsCertificateId: old.renewsCertificateId,
      },
      INSERT_REISSUE,
      id,
    );
    await this.afterCreate(tx, id, old.organizationId, actorId, 'certificate.reissued', {
      supersedes: old.id,
      version: old.version + 1,
      reason,
    });
    return id;
  }

  /** The new row's id, or null when the completion's ON CONFLICT skipped it. */
  private async insertPending(
    tx: EntityManager,
    cert: PendingCertificate,
    statement: PreparedStatement,
    id: string = randomUUID(),
  ): Promise<string | null> {
    const course = await this.courses.outline(cert.courseVersionId, tx);
    const inserted = await queryPrepared<{ id: string }>(tx, statement, [
      id,
      cert.enrollmentId,
      cert.version,
      cert.organizationId,
      course.courseId,
      cert.courseVersionId,
      cert.number,
      generateVerificationCode(),
      cert.completedAt,
      cert.expiresAt === undefined
        ? expiryFrom(cert.completedAt, course.certificateValidityMonths)
        : cert.expiresAt,
      cert.renewsCertificateId,
      course.titleId,
      course.titleEn,
      course.competencyCode,
      course.jpHours,
      cert.userId,
    ]);
    if (inserted.length === 0 && statement === INSERT_REISSUE) {
      throw new Error(`No user ${cert.userId} for certificate ${id}`);
    }
    return inserted[0]?.id ?? null;
  }

  private async afterCreate(
    tx: EntityManager,
    id: string,
    organizationId: string | null,
    actorId: string | null,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      { actorId, action, entityType: 'certificate', entityId: id, organizationId, data },
      tx,
    );
  }
}
