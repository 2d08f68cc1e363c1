import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import type { EnrollmentCompletedEvent } from '../enrollments';
import { expiryFrom } from './domain/certificate-status';
import { generateVerificationCode } from './domain/verification-code';
import { Certificate, CertificateStatus } from './entities/certificate.entity';
import { IssueFacts, readIssueFacts } from './issue-facts.query';

/** Creates `pending` certificate rows inside the caller's transaction (completion, re-issue). */
@Injectable()
export class CertificateIssuanceService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Called in the completing transaction. The enrollment's first certificate is version 1, and
   * (enrollment_id, version) is unique: a completion racing itself waits on the other's row
   * and inserts nothing. The number comes later, from the render worker
   * (`CertificateNumbering`), so completions never queue behind the counter row.
   * Returns the new certificate id, or null when this enrollment already has one.
   */
  async createForCompletion(event: EnrollmentCompletedEvent, tx: EntityManager) {
    const facts = await readIssueFacts(tx, event.userId, event.courseVersionId);
    const id = randomUUID();
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(Certificate)
      .values({
        id,
        enrollmentId: event.enrollmentId,
        version: 1,
        userId: event.userId,
        organizationId: event.organizationId,
        courseId: event.courseId,
        courseVersionId: event.courseVersionId,
        number: null,
        verificationCode: generateVerificationCode(),
        status: CertificateStatus.Pending,
        completedAt: event.completedAt,
        expiresAt: expiryFrom(event.completedAt, facts.certificate_validity_months),
        renewsCertificateId: event.renewalOfCertificateId,
        ...this.snapshot(facts),
      })
      // No column to overwrite: ON CONFLICT (enrollment_id, version) DO NOTHING.
      .orUpdate([], ['enrollment_id', 'version'])
      .returning(['id'])
      .execute();
    if (returnedRows(inserted.raw).length === 0) return null;
    await this.afterCreate(tx, id, event.organizationId, null, 'certificate.requested', {
      enrollmentId: event.enrollmentId,
      renewsCertificateId: event.renewalOfCertificateId,
    });
    return id;
  }

  /** New version of an issued certificate after a data fix: same number, new code. */
  async createReissue(old: Certificate, actorId: string, reason: string, tx: EntityManager) {
    const facts = await readIssueFacts(tx, old.userId, old.courseVersionId);
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
    await tx.insert(Certificate, {
      id,
      enrollmentId: old.enrollmentId,
      version: old.version + 1,
      userId: old.userId,
      organizationId: old.organizationId,
      courseId: old.courseId,
      courseVersionId: old.courseVersionId,
      number: old.number,
      verificationCode: generateVerificationCode(),
      status: CertificateStatus.Pending,
      completedAt: old.completedAt,
      expiresAt: old.expiresAt,
      renewsCertificateId: old.renewsCertificateId,
      ...this.snapshot(facts),
    });
    await this.afterCreate(tx, id, old.organizationId, actorId, 'certificate.reissued', {
      supersedes: old.id,
      version: old.version + 1,
      reason,
    });
    return id;
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

  private snapshot(facts: IssueFacts) {
    const idLabel = facts.nik
      ? { learnerIdKind: 'nik' as const, learnerIdValue: facts.nik }
      : facts.employee_id
        ? { learnerIdKind: 'employee_id' as const, learnerIdValue: facts.employee_id }
        : { learnerIdKind: null, learnerIdValue: null };
    return {
      learnerName: facts.name,
      ...idLabel,
      courseTitleId: facts.title_id,
      courseTitleEn: facts.title_en,
      competencyCode: facts.competency_code,
      jpHours: facts.jp_hours,
    };
  }
}
