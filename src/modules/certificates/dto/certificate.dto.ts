import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PageQueryDto } from '../../../common/paging/cursor';
import { IsIsoTimestamp } from '../../../common/http/iso-timestamp.decorator';

export const LISTED_STATUSES = [
  'pending',
  'failed',
  'valid',
  'expired',
  'revoked',
  'superseded',
] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];

export class CertificateFilterDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({
    enum: LISTED_STATUSES,
    description: 'expired/valid are derived from expiresAt',
  })
  @IsOptional()
  @IsIn(LISTED_STATUSES)
  status?: ListedStatus;

  @ApiPropertyOptional({ description: 'Employee (learner) id; HR and admin only' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ description: 'Admin only: one organization' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsIsoTimestamp()
  issuedFrom?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsIsoTimestamp()
  issuedTo?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsIsoTimestamp()
  expiringFrom?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time' })
  @IsOptional()
  @IsIsoTimestamp()
  expiringTo?: Date;
}

export class ListCertificatesQueryDto extends IntersectionType(
  PageQueryDto,
  CertificateFilterDto,
) {}

export class RegisterQueryDto extends CertificateFilterDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx' = 'csv';
}

export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Data peserta salah' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

export class RenewDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description: 'Default: the expiry date',
  })
  @IsOptional()
  @IsIsoTimestamp()
  dueAt?: Date;
}

export class VerifyCodeParamDto {
  @ApiProperty({ example: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' })
  @IsString()
  @MaxLength(64)
  code!: string;
}

export class VerifyPageQueryDto {
  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptional()
  @IsIn(['id', 'en'])
  lang?: 'id' | 'en';
}

export class BilingualTitleView {
  @ApiProperty() id!: string;
  @ApiProperty() en!: string;
}

export class CredentialSharingDoc {
  @ApiProperty({
    enum: ['active', 'revoked', 'expired'],
    description:
      'The Open Badges credential now: revoked (its status-list bit) wins over expired (validUntil passed)',
  })
  status!: 'active' | 'revoked' | 'expired';
  @ApiProperty({
    type: String,
    enum: ['revoked', 'superseded'],
    nullable: true,
    description:
      'Why the credential download and the LinkedIn link are not offered; null when they are (valid or expired certificate)',
  })
  withheld!: 'revoked' | 'superseded' | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "LinkedIn's add-to-profile link with the certification filled in; null when withheld",
  })
  linkedInUrl!: string | null;
}

export class CertificateView {
  @ApiProperty() id!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Given when the PDF is first rendered; null while the certificate awaits it',
  })
  number!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: LISTED_STATUSES }) status!: ListedStatus;
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty({ type: () => BilingualTitleView }) courseTitle!: BilingualTitleView;
  @ApiProperty() competencyCode!: string;
  @ApiProperty() jpHours!: number;
  @ApiProperty() completedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) issuedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) expiresAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) sha256!: string | null;
  @ApiProperty({ nullable: true, type: Number }) byteSize!: number | null;
  @ApiProperty() verificationCode!: string;
  @ApiProperty() verifyUrl!: string;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Date }) revokedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) revokedReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) supersededById!: string | null;
  @ApiProperty({ nullable: true, type: String }) supersededReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) renewsCertificateId!: string | null;
  @ApiProperty({
    description:
      'Whether the caller may start a renewal now with POST /certificates/{id}/renew (issued certificate; a learner only for a course open to self-enrolment). False in answers other than GET /certificates and GET /certificates/{id}',
  })
  renewable!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Who digitally signed the PDF: CN (O) of the signing certificate; null when not recorded (issued before it was)',
  })
  signedBy!: string | null;
  @ApiProperty({
    type: CredentialSharingDoc,
    nullable: true,
    description: 'Null while the certificate is pending or failed',
  })
  credential!: CredentialSharingDoc | null;
}

export class RenewalView {
  @ApiProperty({ description: 'The new enrollment that renews the certificate' })
  enrollmentId!: string;
}

class LearnerIdView {
  @ApiProperty({ enum: ['nik', 'employee_id'] }) kind!: 'nik' | 'employee_id';
  @ApiProperty() value!: string;
}

class IssuerView {
  @ApiProperty() organizationName!: string;
  @ApiProperty() signerName!: string;
  @ApiProperty() signerTitle!: string;
}

class RevocationView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() reason!: string;
}

class SupersedingCertificateView {
  @ApiProperty() number!: string;
  @ApiProperty() version!: number;
  @ApiProperty() verifyUrl!: string;
}

class SupersessionView {
  @ApiProperty({ enum: ['reissue', 'renewal'] }) reason!: 'reissue' | 'renewal';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) at!: string | null;
  @ApiProperty({ type: SupersedingCertificateView, nullable: true })
  by!: SupersedingCertificateView | null;
}

/** The public verification answer (mirrors domain/verification-view.ts). */
export class VerificationDoc {
  @ApiProperty() code!: string;
  @ApiProperty() number!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['valid', 'expired', 'revoked', 'superseded'] }) status!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty({ type: LearnerIdView, nullable: true }) learnerId!: LearnerIdView | null;
  @ApiProperty({ type: BilingualTitleView }) courseTitle!: BilingualTitleView;
  @ApiProperty() competencyCode!: string;
  @ApiProperty() jpHours!: number;
  @ApiProperty({ format: 'date-time' }) completedAt!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: IssuerView }) issuer!: IssuerView;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: RevocationView, nullable: true }) revoked!: RevocationView | null;
  @ApiProperty({ type: SupersessionView, nullable: true }) superseded!: SupersessionView | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Who digitally signed the PDF (CN and O); null when not recorded',
  })
  signedBy!: string | null;
  @ApiProperty({ type: CredentialSharingDoc }) credential!: CredentialSharingDoc;
}

export class DocumentCheckDoc {
  @ApiProperty({ description: 'Whether the PDF is, byte for byte, an issued certificate' })
  match!: boolean;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: VerificationDoc, nullable: true }) certificate!: VerificationDoc | null;
}

export class VerifyCredentialDto {
  @ApiProperty({ description: 'An Open Badges 3.0 credential as a compact VC-JWT' })
  @IsString()
  @MaxLength(20_000)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, {
    message: 'must be a compact JWS (three base64url parts)',
  })
  credential!: string;
}

export class CredentialCheckDoc {
  @ApiProperty({
    description: 'Signed by one of the keys in our DID document (current or previous)',
  })
  signatureValid!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The `iss` claim (unverified when the signature is not valid)',
  })
  issuer!: string | null;
  @ApiProperty({ type: String, nullable: true }) keyId!: string | null;
  @ApiProperty({
    type: String,
    enum: ['active', 'revoked'],
    nullable: true,
    description: 'From the revocation status list; null when the signature is not valid',
  })
  status!: 'active' | 'revoked' | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validFrom!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validUntil!: string | null;
  @ApiProperty() expired!: boolean;
  @ApiProperty({ type: VerificationDoc, nullable: true }) certificate!: VerificationDoc | null;
}

export class StatusListParamDto {
  @ApiProperty({ minimum: 1, maximum: 100000 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  list!: number;
}

export class VerificationMethodDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'JsonWebKey' }) type!: string;
  @ApiProperty() controller!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  publicKeyJwk!: Record<string, string>;
}

export class DidDocumentDoc {
  @ApiProperty({ name: '@context', type: [String] }) '@context'!: string[];
  @ApiProperty({ example: 'did:web:lms.example.id' }) id!: string;
  @ApiProperty({ type: [VerificationMethodDoc] }) verificationMethod!: VerificationMethodDoc[];
  @ApiProperty({ type: [String] }) assertionMethod!: string[];
}
