import { effectiveStatus } from './domain/certificate-status';
import { credentialSharing, SharingFacts } from './domain/credential-sharing';
import { pdfSignerName } from './domain/pdf-signer-name';
import type { CertificateView } from './dto/certificate.dto';
import type { Certificate } from './entities/certificate.entity';

/** What the views need from the configuration. */
export interface CertificateViewSettings {
  publicBaseUrl: string;
  issuerName: string;
  timeZone: string;
}

/** Issued, revoked and superseded certificates always carry the number given at render time. */
export function assignedNumber(c: Pick<Certificate, 'id' | 'number'>): string {
  if (c.number === null) throw new Error(`certificate ${c.id} has no number yet`);
  return c.number;
}

export const verifyUrlOf = (publicBaseUrl: string, c: Pick<Certificate, 'verificationCode'>) =>
  `${publicBaseUrl}/verify/${c.verificationCode}`;

/** The facts `credentialSharing` needs, from a certificate row. */
export function sharingFactsOf(c: Certificate, verifyUrl: string): SharingFacts {
  return {
    status: c.status,
    expiresAt: c.expiresAt,
    issuedAt: c.issuedAt ?? c.completedAt,
    courseTitle: c.courseTitleId,
    number: c.number,
    verifyUrl,
  };
}

export function toCertificateView(
  c: Certificate,
  settings: CertificateViewSettings,
  now: Date,
  renewable = false,
): CertificateView {
  const verifyUrl = verifyUrlOf(settings.publicBaseUrl, c);
  return {
    id: c.id,
    number: c.number,
    version: c.version,
    status: effectiveStatus(c, now),
    userId: c.userId,
    organizationId: c.organizationId,
    enrollmentId: c.enrollmentId,
    courseId: c.courseId,
    learnerName: c.learnerName,
    courseTitle: { id: c.courseTitleId, en: c.courseTitleEn },
    competencyCode: c.competencyCode,
    jpHours: c.jpHours,
    completedAt: c.completedAt,
    issuedAt: c.issuedAt,
    expiresAt: c.expiresAt,
    sha256: c.sha256,
    byteSize: c.byteSize,
    verificationCode: c.verificationCode,
    verifyUrl,
    failureReason: c.failureReason,
    attempts: c.attempts,
    revokedAt: c.revokedAt,
    revokedReason: c.revokedReason,
    supersededById: c.supersededById,
    supersededReason: c.supersededReason,
    renewsCertificateId: c.renewsCertificateId,
    renewable,
    signedBy: pdfSignerName(c.pdfSignerSubject),
    credential: credentialSharing(
      sharingFactsOf(c, verifyUrl),
      { organizationName: settings.issuerName, timeZone: settings.timeZone },
      now,
    ),
  };
}
