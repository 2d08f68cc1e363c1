import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { effectiveStatus } from './domain/certificate-status';
import { credentialSharing } from './domain/credential-sharing';
import { pdfSignerName } from './domain/pdf-signer-name';
import { publicLearnerId } from './domain/nik-display';
import { normalizeVerificationCode } from './domain/verification-code';
import { VerificationView } from './domain/verification-view';
import { assignedNumber, sharingFactsOf, verifyUrlOf } from './certificates.views';
import { Certificate, CertificateStatus } from './entities/certificate.entity';

export const PUBLISHED = [
  CertificateStatus.Issued,
  CertificateStatus.Revoked,
  CertificateStatus.Superseded,
];

export interface DocumentCheck {
  match: boolean;
  sha256: string;
  certificate: VerificationView | null;
}

/**
 * Public look-ups. Only certificates that were issued are visible; anything else is a 404.
 * A NIK is shown as VERIFY_NIK_DISPLAY says (masked by default); the PDF keeps what it prints.
 */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async byCode(rawCode: string): Promise<VerificationView> {
    const code = normalizeVerificationCode(rawCode);
    const cert = code
      ? await this.db
          .getRepository(Certificate)
          .findOneBy({ verificationCode: code, status: In(PUBLISHED) })
      : null;
    if (!cert || !cert.sha256) throw notFound('Certificate');
    return this.viewOf(cert);
  }

  async byDocument(pdf: Buffer): Promise<DocumentCheck> {
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const cert = await this.db
      .getRepository(Certificate)
      .findOneBy({ sha256, status: In(PUBLISHED) });
    return { match: !!cert, sha256, certificate: cert ? await this.viewOf(cert) : null };
  }

  async viewOf(cert: Certificate): Promise<VerificationView> {
    const now = new Date();
    const status = effectiveStatus(cert, now);
    const credential = credentialSharing(
      sharingFactsOf(cert, verifyUrlOf(this.config.publicBaseUrl, cert)),
      {
        organizationName: this.config.certificateIssuer.organizationName,
        timeZone: this.config.timeZone,
      },
      now,
    );
    if (status === 'pending' || status === 'failed' || !credential) throw notFound('Certificate');
    const successor = cert.supersededById
      ? await this.db.getRepository(Certificate).findOneBy({
          id: cert.supersededById,
          status: In(PUBLISHED),
        })
      : null;
    return {
      code: cert.verificationCode,
      number: assignedNumber(cert),
      version: cert.version,
      status,
      learnerName: cert.learnerName,
      learnerId: publicLearnerId(
        cert.learnerIdKind && cert.learnerIdValue
          ? { kind: cert.learnerIdKind, value: cert.learnerIdValue }
          : null,
        this.config.verifyNikDisplay,
      ),
      courseTitle: { id: cert.courseTitleId, en: cert.courseTitleEn },
      competencyCode: cert.competencyCode,
      jpHours: cert.jpHours,
      completedAt: cert.completedAt.toISOString(),
      issuedAt: (cert.issuedAt ?? cert.completedAt).toISOString(),
      expiresAt: cert.expiresAt?.toISOString() ?? null,
      issuer: this.config.certificateIssuer,
      sha256: cert.sha256 ?? '',
      revoked:
        cert.status === CertificateStatus.Revoked && cert.revokedAt
          ? { at: cert.revokedAt.toISOString(), reason: cert.revokedReason ?? '' }
          : null,
      superseded:
        cert.status === CertificateStatus.Superseded
          ? {
              reason: cert.supersededReason ?? 'reissue',
              at: cert.supersededAt?.toISOString() ?? null,
              by: successor
                ? {
                    number: assignedNumber(successor),
                    version: successor.version,
                    verifyUrl: verifyUrlOf(this.config.publicBaseUrl, successor),
                  }
                : null,
            }
          : null,
      signedBy: pdfSignerName(cert.pdfSignerSubject),
      credential,
    };
  }
}
