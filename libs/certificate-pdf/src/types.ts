export interface CertificateIssuer {
  organizationName: string;
  signerName: string;
  signerTitle: string;
  /** PNG or JPEG (see README for the supported variants). */
  signatureImage?: Uint8Array;
  /** PNG or JPEG. */
  logoImage?: Uint8Array;
}

export interface CertificatePdfData {
  /** e.g. 'K3/AK3U/2026/000123' */
  number: string;
  /** Any Latin-script Unicode; long names are shrunk and wrapped, never cut off. */
  learnerName: string;
  /** Printed under the name when present. */
  learnerIdLabel?: { kind: 'nik' | 'employee_id'; value: string };
  courseTitle: { id: string; en: string };
  /** e.g. 'AK3U' */
  competencyCode: string;
  competencyName?: string;
  /** JP (jam pelajaran, lesson hours). */
  jpHours: number;
  completedAt: Date;
  issuedAt: Date;
  /** null prints 'Tidak kedaluwarsa / No expiry'. */
  expiresAt: Date | null;
  /** IANA zone for the printed dates; default 'Asia/Jakarta'. */
  timeZone?: string;
  /** PUBLIC_BASE_URL/verify/<code>: encoded in the QR code and printed under it. */
  verifyUrl: string;
  issuer: CertificateIssuer;
}
