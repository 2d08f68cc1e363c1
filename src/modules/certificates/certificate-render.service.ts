import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { BlobStorage } from '@app/storage';
import { Batcher, LINGERING_GROUP_COMMIT } from '../../common/batch/batcher';
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

interface IssueItem {
  cert: NumberedCertificate;
  stored: { key: string; sha256: string; size: number; signerSubject: string };
  issuedAt: Date;
}

/**
 * Renders, stores and issues a `pending` certificate. Safe to run any number of times, also
 * concurrently: only the run whose conditional UPDATE flips `pending` -> `issued` wins; a
 * losing run deletes the file it wrote, so the recorded hash always matches the stored file.
 * Concurrent renders share their claim-and-number and issue transactions (`Batcher`), so the
 * database work per certificate shrinks as the load grows; the PDF and its upload stay per
 * certificate.
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

  // Renders follow their claims, so the issue batches take the claims' size without a linger.
  private readonly claims = new Batcher(
    (ids: string[]) => this.claimMany(ids),
    LINGERING_GROUP_COMMIT,
  );
  private readonly issues = new Batcher((items: IssueItem[]) => this.issueMany(items));

  async render(certificateId: string): Promise<RenderOutcome> {
    const cert = await this.claims.run(certificateId);
    if (!cert) return 'skipped';
    const issuedAt = new Date();
    // Signed before storing: the recorded SHA-256 is that of the signed file.
    const { pdf, signerSubject } = this.signing.renderSigned(this.pdfDataOf(cert, issuedAt));
    const key = `certificates/${issuedAt.getUTCFullYear()}/${cert.id}/v${cert.version}-${randomUUID()}.pdf`;
    const stored = await this.storage.put(key, pdf);
    let won: boolean;
    try {
      won = await this.issues.run({
        cert,
        stored: { ...stored, signerSubject },
        issuedAt,
      });
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

  /**
   * One transaction per batch: counts an attempt on each certificate still `pending` (the
   * UPDATE locks the rows, so a concurrent run of the same one waits), numbers those without a
   * number (`CertificateNumbering`), and reads them; null for the others.
   */
  private async claimMany(ids: string[]): Promise<(NumberedCertificate | null)[]> {
    const certs = await this.db.transaction(async (tx) => {
      const claimed = returnedRows<{
        id: string;
        number: string | null;
        competency_code: string;
        completed_at: Date;
      }>(
        await tx.query(
          `UPDATE certificates SET attempts = attempts + 1, updated_at = now()
           WHERE id = ANY($1::uuid[]) AND status = 'pending'
           RETURNING id, number, competency_code, completed_at`,
          [[...new Set(ids)]],
        ),
      );
      if (claimed.length === 0) return [];
      await this.numbering.numberWithin(
        tx,
        claimed.filter((c) => c.number === null),
      );
      return tx.getRepository(Certificate).findBy({ id: In(claimed.map((c) => c.id)) });
    });
    const byId = new Map<string, NumberedCertificate>();
    for (const cert of certs) {
      if (!cert.number) throw new Error(`certificate ${cert.id} was claimed without a number`);
      byId.set(cert.id, { ...cert, number: cert.number });
    }
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * One transaction marks the batch issued. Only the item whose conditional UPDATE flips
   * `pending` -> `issued` wins; any other run of the same certificate (here or elsewhere) loses.
   */
  private async issueMany(items: IssueItem[]): Promise<boolean[]> {
    const candidates = new Map<string, IssueItem>();
    for (const item of items) if (!candidates.has(item.cert.id)) candidates.set(item.cert.id, item);
    const winners = await this.db.transaction(async (tx) => {
      const list = [...candidates.values()];
      const won = new Set(
        returnedRows<{ id: string }>(
          await tx.query(
            `UPDATE certificates c SET status = 'issued', storage_key = v.storage_key,
               sha256 = v.sha256, byte_size = v.byte_size, issued_at = v.issued_at,
               pdf_signer_subject = v.signer_subject, failure_reason = NULL, updated_at = now()
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::text[])
               AS v(id, storage_key, sha256, byte_size, issued_at, signer_subject)
             WHERE c.id = v.id AND c.status = 'pending' RETURNING c.id`,
            [
              list.map((i) => i.cert.id),
              list.map((i) => i.stored.key),
              list.map((i) => i.stored.sha256),
              list.map((i) => i.stored.size),
              list.map((i) => i.issuedAt),
              list.map((i) => i.stored.signerSubject),
            ],
          ),
        ).map((r) => r.id),
      );
      const issued = list.filter((i) => won.has(i.cert.id));
      if (issued.length > 0) await this.recordIssued(tx, issued);
      return new Set(issued);
    });
    return items.map((item) => winners.has(item));
  }

  private async recordIssued(tx: EntityManager, issued: IssueItem[]): Promise<void> {
    const entry = (cert: NumberedCertificate, action: string, entityId: string, data: object) => ({
      actorId: null,
      action,
      entityType: 'certificate',
      entityId,
      organizationId: cert.organizationId,
      data: data as Record<string, unknown>,
    });
    const entries = issued.map(({ cert, stored }) =>
      entry(cert, 'certificate.issued', cert.id, { number: cert.number, sha256: stored.sha256 }),
    );
    for (const { cert } of issued) {
      if (!cert.renewsCertificateId) continue;
      const renewed = returnedRows<{ id: string }>(
        await tx.query(
          `UPDATE certificates SET status = 'superseded', superseded_by_id = $2,
             superseded_reason = 'renewal', superseded_at = now(), updated_at = now()
           WHERE id = $1 AND status = 'issued' RETURNING id`,
          [cert.renewsCertificateId, cert.id],
        ),
      );
      if (renewed.length) {
        entries.push(
          entry(cert, 'certificate.superseded', cert.renewsCertificateId, {
            by: cert.id,
            reason: 'renewal',
          }),
        );
      }
    }
    await this.audit.recordMany(entries, tx);
    await this.events.issuedInTransaction(
      issued.map(({ cert }) => ({
        certificateId: cert.id,
        userId: cert.userId,
        organizationId: cert.organizationId,
        number: cert.number,
        verificationCode: cert.verificationCode,
      })),
      tx,
    );
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
