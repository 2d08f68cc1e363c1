import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { BlobStorage } from '@app/storage';
import { AuthUser, Role } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import { CourseAccess } from '../courses';
import { EnrollmentsService } from '../enrollments';
import { InjectBlobStorage } from '../storage';
import { assignedNumber, CertificateViewSettings, toCertificateView } from './certificates.views';
import { CertificateIssuanceService } from './certificate-issuance.service';
import { CertificateQueue } from './certificate-queue';
import { applyFilters, scopeTo } from './certificate-scope';
import { attachmentDisposition } from '../../common/http/content-disposition';
import { fileSafe } from './domain/file-safe';
import { renewalOffered } from './domain/renewal-offer';
import { CertificateView, ListCertificatesQueryDto } from './dto/certificate.dto';
import { Certificate, CertificateStatus } from './entities/certificate.entity';

export interface PdfDownload {
  stream: Readable;
  sha256: string;
  byteSize: number;
  contentDisposition: string;
}

@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectBlobStorage() private readonly storage: BlobStorage,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly issuance: CertificateIssuanceService,
    private readonly producer: CertificateQueue,
    private readonly enrollments: EnrollmentsService,
    private readonly access: CourseAccess,
  ) {}

  private get viewSettings(): CertificateViewSettings {
    return {
      publicBaseUrl: this.config.publicBaseUrl,
      issuerName: this.config.certificateIssuer.organizationName,
      timeZone: this.config.timeZone,
    };
  }

  toView(c: Certificate, now = new Date()): CertificateView {
    return toCertificateView(c, this.viewSettings, now);
  }

  /** Views for the caller, with `renewable` saying whether POST :id/renew would start a renewal. */
  async viewsFor(
    certs: Certificate[],
    actor: AuthUser,
    now = new Date(),
  ): Promise<CertificateView[]> {
    const courseIds = [
      ...new Set(certs.filter((c) => c.status === CertificateStatus.Issued).map((c) => c.courseId)),
    ];
    const modes = new Map<string, 'open' | 'assigned'>();
    if (courseIds.length > 0) {
      const rows: { course_id: string; enrollment_mode: 'open' | 'assigned' }[] =
        await this.db.query(
          `SELECT DISTINCT ON (course_id) course_id, enrollment_mode FROM course_versions
          WHERE course_id = ANY($1) AND status = 'published' ORDER BY course_id, version_no DESC`,
          [courseIds],
        );
      for (const row of rows) modes.set(row.course_id, row.enrollment_mode);
    }
    return certs.map((c) =>
      toCertificateView(
        c,
        this.viewSettings,
        now,
        renewalOffered({
          storedStatus: c.status,
          callerRole: actor.role,
          currentEnrollmentMode: modes.get(c.courseId) ?? null,
        }),
      ),
    );
  }

  async list(query: ListCertificatesQueryDto, actor: AuthUser): Promise<Page<Certificate>> {
    const qb = this.db
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC');
    scopeTo(qb, actor);
    applyFilters(qb, query, actor);
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (after) {
      qb.andWhere('(c.createdAt, c.id) < (CAST(:at AS timestamptz), :id)', {
        at: after[0],
        id: after[1],
      });
    }
    // The cursor keeps Postgres' microseconds (a JS Date would round them and skip rows).
    qb.addSelect('c.created_at::text', 'cursor_at').limit(query.limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_at: string }>();
    const rows = entities.map((entity, i) => ({ entity, at: raw[i].cursor_at }));
    const page = toPage(rows, query.limit, (r) => [r.at, r.entity.id]);
    return { items: page.items.map((r) => r.entity), nextCursor: page.nextCursor };
  }

  async getScoped(id: string, actor: AuthUser): Promise<Certificate> {
    const qb = this.db
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .where('c.id = :id', { id });
    const cert = await scopeTo(qb, actor).getOne();
    if (!cert) throw notFound('Certificate');
    return cert;
  }

  /** Revoke and re-issue: admins, or instructors on the staff of the certificate's course. */
  private async getForCourseStaff(id: string, actor: AuthUser): Promise<Certificate> {
    const cert = await this.getScoped(id, actor);
    if (!(await this.access.isStaff(actor, cert.courseId))) throw notFound('Certificate');
    return cert;
  }

  async download(id: string, actor: AuthUser): Promise<PdfDownload> {
    const cert = await this.getScoped(id, actor);
    if (!cert.storageKey || !cert.sha256 || cert.byteSize === null) {
      throw new DomainError('CERTIFICATE_NOT_ISSUED', 'The certificate has not been issued yet');
    }
    return {
      stream: this.storage.stream(cert.storageKey),
      sha256: cert.sha256,
      byteSize: cert.byteSize,
      contentDisposition: attachmentDisposition(pdfFileName(cert)),
    };
  }

  async revoke(id: string, reason: string, actor: AuthUser): Promise<Certificate> {
    const cert = await this.getForCourseStaff(id, actor);
    await this.db.transaction(async (tx) => {
      const rows = returnedRows(
        await tx.query(
          `UPDATE certificates SET status = 'revoked', revoked_at = now(), revoked_reason = $2,
             revoked_by_id = $3, updated_at = now()
           WHERE id = $1 AND status = 'issued' RETURNING id`,
          [cert.id, reason, actor.id],
        ),
      );
      if (rows.length === 0) {
        throw new DomainError(
          'CERTIFICATE_NOT_REVOCABLE',
          'Only an issued certificate can be revoked',
          {
            status: cert.status,
          },
        );
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'certificate.revoked',
          entityType: 'certificate',
          entityId: cert.id,
          organizationId: cert.organizationId,
          data: { reason, actorRole: actor.role },
        },
        tx,
      );
    });
    return this.getScoped(id, actor);
  }

  async reissue(id: string, reason: string, actor: AuthUser): Promise<Certificate> {
    const cert = await this.getForCourseStaff(id, actor);
    const newId = await this.db.transaction((tx) =>
      this.issuance.createReissue(cert, actor.id, reason, tx),
    );
    await this.producer.enqueueRender(newId);
    return this.getScoped(newId, actor);
  }

  /** Starts a renewal enrollment; its completion issues a certificate that supersedes this one. */
  async renew(id: string, dueAt: Date | undefined, actor: AuthUser) {
    const cert = await this.getScoped(id, actor);
    if (cert.status !== CertificateStatus.Issued) {
      throw new DomainError(
        'CERTIFICATE_NOT_RENEWABLE',
        'Only an issued certificate can be renewed',
        {
          status: cert.status,
        },
      );
    }
    const enrollment = await this.enrollments.createRenewalEnrollment({
      userId: cert.userId,
      courseId: cert.courseId,
      renewalOfCertificateId: cert.id,
      dueAt: dueAt ?? cert.expiresAt ?? null,
      actor,
    });
    await this.audit.record({
      actorId: actor.id,
      action: 'certificate.renewal_started',
      entityType: 'certificate',
      entityId: cert.id,
      organizationId: cert.organizationId,
      data: { enrollmentId: enrollment.id },
    });
    return enrollment;
  }

  async listFailed(query: ListCertificatesQueryDto, actor: AuthUser) {
    return this.list(Object.assign(query, { status: 'failed' as const }), actor);
  }

  /** Admin: a `failed` certificate goes back to `pending` and is rendered again. */
  async retry(id: string, actor: AuthUser): Promise<Certificate> {
    if (actor.role !== Role.Admin) throw notFound('Certificate');
    await this.db.transaction(async (tx) => {
      const rows = returnedRows<{ organization_id: string | null }>(
        await tx.query(
          `UPDATE certificates SET status = 'pending', failure_reason = NULL, attempts = 0,
             updated_at = now()
           WHERE id = $1 AND status = 'failed' RETURNING organization_id`,
          [id],
        ),
      );
      if (rows.length === 0) {
        const exists = await tx.query('SELECT 1 FROM certificates WHERE id = $1', [id]);
        if (exists.length === 0) throw notFound('Certificate');
        throw new DomainError(
          'CERTIFICATE_NOT_RETRYABLE',
          'Only a failed certificate can be retried',
        );
      }
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'certificate.retried',
          entityType: 'certificate',
          entityId: id,
          organizationId: rows[0].organization_id,
        },
        tx,
      );
    });
    await this.producer.reenqueue(id);
    return this.getScoped(id, actor);
  }
}

/** `K3-AK3U-2026-000001.jwt`, ` v2` before the extension from the second version on. */
export function credentialFileName(cert: Pick<Certificate, 'id' | 'number' | 'version'>): string {
  const version = cert.version > 1 ? ` v${cert.version}` : '';
  return `${fileSafe(assignedNumber(cert))}${version}.jwt`;
}

export function pdfFileName(
  cert: Pick<Certificate, 'id' | 'number' | 'learnerName' | 'version'>,
): string {
  const version = cert.version > 1 ? ` v${cert.version}` : '';
  return `${fileSafe(assignedNumber(cert))}${version} - ${fileSafe(cert.learnerName, 60)}.pdf`;
}
