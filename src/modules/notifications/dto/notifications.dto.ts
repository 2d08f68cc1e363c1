import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';
import { PREFERENCE_CATEGORIES } from '../domain/categories';
import { OUTBOX_STATUSES, OutboxStatus } from '../entities/email-outbox.entity';

export class PreferenceChangeDto {
  @ApiProperty({ enum: PREFERENCE_CATEGORIES })
  @IsIn(PREFERENCE_CATEGORIES)
  category!: string;

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export class UpdatePreferencesDto {
  @ApiProperty({ type: [PreferenceChangeDto], maxItems: 10 })
  @ValidateNested({ each: true })
  @Type(() => PreferenceChangeDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  preferences!: PreferenceChangeDto[];
}

export class PreferenceView {
  @ApiProperty({ enum: PREFERENCE_CATEGORIES }) category!: string;
  @ApiProperty() enabled!: boolean;
}

export class PreferencesResponse {
  @ApiProperty({ type: [PreferenceView] }) items!: PreferenceView[];
}

export class UnsubscribeQueryDto {
  @ApiProperty({ description: 'Signed token from the e-mail link' })
  @IsString()
  @MaxLength(1024)
  token!: string;
}

export class ListOutboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: OUTBOX_STATUSES })
  @IsOptional()
  @IsIn(OUTBOX_STATUSES)
  status?: OutboxStatus;

  @ApiPropertyOptional({ example: 'enrollment_due_soon' })
  @IsOptional()
  @Matches(/^[a-z_]{1,64}$/)
  template?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  recipient?: string;
}

export class PreviewQueryDto {
  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptional()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';
}

export class TemplateNameParam {
  @ApiProperty({ example: 'enrollment_due_soon' })
  @Matches(/^[a-z_]{1,64}$/)
  name!: string;
}

export class UpdateCourseNotificationSettingsDto {
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 365,
    description: 'null = global default',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  inactivityDays!: number | null;
}

export class OutboxRowDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String }) userId!: string | null;
  @ApiProperty() recipient!: string;
  @ApiProperty() template!: string;
  @ApiProperty() locale!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty() idempotencyKey!: string;
  @ApiProperty({ nullable: true, type: String }) messageId!: string | null;
  @ApiProperty({ nullable: true, type: Date }) sentAt!: Date | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class OutboxPageDoc {
  @ApiProperty({ type: [OutboxRowDoc] }) items!: OutboxRowDoc[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class TemplatePreviewDoc {
  @ApiProperty() subject!: string;
  @ApiProperty() html!: string;
  @ApiProperty() text!: string;
  @ApiProperty() category!: string;
}

export class CourseNotificationSettingsDoc {
  @ApiProperty() courseId!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "The course's own value; null = default",
  })
  inactivityDays!: number | null;
  @ApiProperty({ type: 'integer' }) effectiveInactivityDays!: number;
}

export class UnsubscribedDoc {
  @ApiProperty({ enum: [true] }) unsubscribed!: true;
  @ApiProperty({ enum: PREFERENCE_CATEGORIES }) category!: string;
}

export class ListSuppressionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the address (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  search?: string;
}

export class SuppressionEmailParam {
  @ApiProperty({ example: 'budi@example.co.id' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class SuppressionView {
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'Why it is suppressed (e.g. the bounce)' }) reason!: string;
  @ApiProperty() createdAt!: Date;
}
