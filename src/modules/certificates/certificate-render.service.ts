import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { BlobStorage } from '@app/storage';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import { InjectBlobStorage } from '../storage';
import { CertificateEvents } from './certificate-events';
import { CertificateNumbering } from './certificate-numbering.service';
import { Certificate } from './entities/certificate.entity';
import { PdfSigningService } from './pdf-signing.service';

export type RenderOutcome = 'issued' | 'skipped';
type NumberedCertificate = Certificate & { number: string };

/**
 * Renders, stores and issues a `pending` certificate. Safe to run any number of times, also
 * concurrently: only the run whose conditional UPDATE flips `pending` -> `issued` wins; a
 * losing run deletes the file it wrote, so the recorded hash always matches the stored file.
 */
@Injectable()
export class CertificateRenderService {
  private readonly logger = new Logger(CertificateRenderService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectBlobStorage() private readonly storage: BlobStorage,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly events: CertificateEvents,
    private readonly signing: PdfSigningService,
    private readonly numbering: CertificateNumbering,
  ) {}

  async render(certificateId: string): Promise<RenderOutcome> {
    const claimed = returnedRows<{ id: string }>(
      await this.db.query(
        `UPDATE certificates SET attempts = attempts + 1, updated_at = now()
         WHERE id = $1 AND status = 'pending' RETURNING id`,
        [certificateId],
      ),
    );
    if (claimed.length === 0) return 'skipped';
    const cert = await this.db.getRepository(Certificate).findOneByOrFail({ id: certificateId });
    const number = cert.number ?? (await this.numbering.assign(cert));
    const numbered = { ...cert, number };
    const issuedAt = new Date();
    // Signed before storing: the recorded SHA-256 is that of the signed file.
    const { pdf, signerSubject } = this.signing.renderSigned(this.pdfDataOf(numbered, issuedAt));
    const key = `certificates/${issuedAt.getUTCFullYear()}/${cert.id}/v${cert.version}-${randomUUID()}.pdf`;
    const stored = await this.storage.put(key, pdf);
    let won: boolean;
    try {
      won = await this.db.transaction((tx) =>
        this.markIssued(tx, numbered, { ...stored, signerSubject }, issuedAt),
      );
    } catch (e) {
      // The retry renders a new file; this one would be referenced by nothing.
      await this.storage.delete(key).catch(() => undefined);
      throw e;
    }
    if (!won) {
      await this.storage.delete(key);
      return 'skipped';
    }
    return 'issued';
  }

  /** After the last attempt: `failed` with the reason, for admins to see and retry. */
  async markFailed(certificateId: string, reason: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows = returnedRows<{ organization_id: string | null }>(
        await tx.query(
          `UPDATE certificates SET status = 'failed', failure_reason = $2, updated_at = now()
           WHERE id = $1 AND status = 'pending' RETURNING organization_id`,
          [certificateId, reason.slice(0, 1000)],
        ),
      );
      if (rows.length === 0) return;
      await this.audit.record(
        {
          actorId: null,
          action: 'certificate.failed',
          entityType: 'certificate',
          entityId: certificateId,
          organizationId: rows[0].organization_id,
          data: { reason: reason.slice(0, 500) },
        },
        tx,
      );
    });
    this.logger.error(`certificate ${certificateId} failed: ${reason}`);
  }

  private async markIssued(
    tx: EntityManager,
    cert: NumberedCertificate,
    stored: { key: string; sha256: string; size: number; signerSubject: string },
    issuedAt: Date,
  ): Promise<boolean> {
    const rows = returnedRows<{ id: string }>(
      await tx.query(
        `UPDATE certificates SET status = 'issued', storage_key = $2, sha256 = $3, byte_size = $4,
           issued_at = $5, pdf_signer_subject = $6, failure_reason = NULL, updated_at = now()
         WHERE id = $1 AND status = 'pending' RETURNING id`,
        [cert.id, stored.key, stored.sha256, stored.size, issuedAt, stored.signerSubject],
      ),
    );
    if (rows.length === 0) return false;
    const record = (action: string, entityId: string, data: Record<string, unknown>) =>
      this.audit.record(
        {
          actorId: null,
          action,
          entityType: 'certificate',
          entityId,
          organizationId: cert.organizationId,
          data,
        },
        tx,
      );
    await record('certificate.issued', cert.id, { number: cert.number, sha256: stored.sha256 });
    if (cert.renewsCertificateId) {
      const renewed = returnedRows<{ id: string }>(
        await tx.query(
          `UPDATE certificates SET status = 'superseded', superseded_by_id = $2,
             superseded_reason = 'renewal', superseded_at = now(), updated_at = now()
           WHERE id = $1 AND status = 'issued' RETURNING id`,
          [cert.renewsCertificateId, cert.id],
        ),
      );
      if (renewed.length) {
        await record('certificate.superseded', cert.renewsCertificateId, {
          by: cert.id,
          reason: 'renewal',
        });
      }
    }
    await this.events.issuedInTransaction(
      {
        certificateId: cert.id,
        userId: cert.userId,
        organizationId: cert.organizationId,
        number: cert.number,
        verificationCode: cert.verificationCode,
      },
      tx,
    );
    return true;
  }

  private pdfDataOf(cert: NumberedCertificate, issuedAt: Date) {
    return {
      number: cert.number,
      learnerName: cert.learnerName,
      learnerIdLabel:
        cert.learnerIdKind && cert.learnerIdValue
          ? { kind: cert.learnerIdKind, value: cert.learnerIdValue }
          : undefined,
      courseTitle: { id: cert.courseTitleId, en: cert.courseTitleEn },
      competencyCode: cert.competencyCode,
      jpHours: cert.jpHours,
      completedAt: cert.completedAt,
      issuedAt,
      expiresAt: cert.expiresAt,
      timeZone: this.config.timeZone,
      verifyUrl: `${this.config.publicBaseUrl}/verify/${cert.verificationCode}`,
      issuer: this.config.certificateIssuer,
    };
  }
}
