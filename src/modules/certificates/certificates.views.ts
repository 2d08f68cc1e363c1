import { effectiveStatus } from './domain/certificate-status';
import type { CertificateView } from './dto/certificate.dto';
import type { Certificate } from './entities/certificate.entity';

export function toCertificateView(
  c: Certificate,
  publicBaseUrl: string,
  now: Date,
  renewable = false,
): CertificateView {
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
    verifyUrl: `${publicBaseUrl}/verify/${c.verificationCode}`,
    failureReason: c.failureReason,
    attempts: c.attempts,
    revokedAt: c.revokedAt,
    revokedReason: c.revokedReason,
    supersededById: c.supersededById,
    supersededReason: c.supersededReason,
    renewsCertificateId: c.renewsCertificateId,
    renewable,
  };
}
