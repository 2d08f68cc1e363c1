import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
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

export class CertificateView {
  @ApiProperty() id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: LISTED_STATUSES }) status!: ListedStatus;
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true }) organizationId!: string | null;
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() courseId!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty() courseTitle!: { id: string; en: string };
  @ApiProperty() competencyCode!: string;
  @ApiProperty() jpHours!: number;
  @ApiProperty() completedAt!: Date;
  @ApiProperty({ nullable: true }) issuedAt!: Date | null;
  @ApiProperty({ nullable: true }) expiresAt!: Date | null;
  @ApiProperty({ nullable: true }) sha256!: string | null;
  @ApiProperty({ nullable: true }) byteSize!: number | null;
  @ApiProperty() verificationCode!: string;
  @ApiProperty() verifyUrl!: string;
  @ApiProperty({ nullable: true }) failureReason!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true }) revokedAt!: Date | null;
  @ApiProperty({ nullable: true }) revokedReason!: string | null;
  @ApiProperty({ nullable: true }) supersededById!: string | null;
  @ApiProperty({ nullable: true }) supersededReason!: string | null;
  @ApiProperty({ nullable: true }) renewsCertificateId!: string | null;
}
