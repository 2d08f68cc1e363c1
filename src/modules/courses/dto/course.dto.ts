import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';

export const LESSON_TYPES = ['text', 'video', 'file', 'quiz'] as const;
export const VERSION_STATUSES = ['draft', 'published', 'superseded', 'archived'] as const;

export class CourseFieldsDto {
  @ApiProperty({ example: 'Pembinaan Ahli K3 Umum' })
  @IsString()
  @Length(2, 300)
  titleId!: string;

  @ApiProperty({ example: 'General OSH Expert Training' })
  @IsString()
  @Length(2, 300)
  titleEn!: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  descriptionId?: string;

  @ApiPropertyOptional({ maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  descriptionEn?: string;

  @ApiProperty({ example: 'AK3U' })
  @Matches(/^[A-Z0-9][A-Z0-9._-]{0,31}$/)
  competencyCode!: string;

  @ApiProperty({ example: 32, description: 'JP hours (1 JP = 45 minutes)' })
  @IsInt()
  @Min(0)
  @Max(1000)
  jpHours!: number;

  @ApiPropertyOptional({ example: 36, description: 'Months; 0 = the certificate never expires' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  certificateValidityMonths?: number;

  @ApiPropertyOptional({ enum: ['id', 'en'] })
  @IsOptional()
  @IsIn(['id', 'en'])
  language?: 'id' | 'en';

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ enum: ['open', 'assigned'] })
  @IsOptional()
  @IsIn(['open', 'assigned'])
  enrollmentMode?: 'open' | 'assigned';

  @ApiPropertyOptional({ description: 'Lessons unlock one after another' })
  @IsOptional()
  @IsBoolean()
  sequential?: boolean;
}

export class CreateCourseDto extends CourseFieldsDto {
  @ApiProperty({ example: 'AK3U-2026' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/)
  code!: string;
}

export class UpdateCourseDto extends PartialType(CourseFieldsDto) {}

export class ListCoursesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only the courses the caller staffs, drafts included (admins: every course)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  staffed?: 'true' | 'false';
}

export class ModuleDto {
  @ApiProperty()
  @IsString()
  @Length(1, 300)
  titleId!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  titleEn!: string;
}

export class UpdateModuleDto extends PartialType(ModuleDto) {}

/** The co-instructor to add, by id or by e-mail (exactly one of them). */
export class AddStaffDto {
  @ApiPropertyOptional({ description: 'A user whose role is instructor' })
  // Each field is checked when sent (both sent: both checked), and userId when neither is.
  @ValidateIf((o: AddStaffDto) => o.userId !== undefined || o.email === undefined)
  @IsUUID('all')
  userId?: string;

  @ApiPropertyOptional({ description: "The instructor's e-mail (only instructors are found)" })
  @ValidateIf((o: AddStaffDto) => o.email !== undefined)
  @IsEmail()
  @MaxLength(320)
  email?: string;
}

export class MoveLessonDto {
  @ApiProperty({ description: 'A module of the same draft version' })
  @IsUUID()
  moduleId!: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: "1-based place in the target module's lessons; default: after the last",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  position?: number;
}

export class ReorderDto {
  @ApiProperty({ type: [String], description: 'Every current id, in the new order' })
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids!: string[];
}

export class LessonContentDto {
  @ApiPropertyOptional({ description: 'text lessons: markdown', maxLength: 200000 })
  @IsOptional()
  @IsString()
  @MaxLength(200000)
  markdown?: string;

  @ApiPropertyOptional({ description: 'video lessons: https URL' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(2000)
  videoUrl?: string;

  @ApiPropertyOptional({ description: 'video lessons: duration in seconds' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(86400)
  durationSeconds?: number;
}

export class LessonFieldsDto {
  @ApiProperty()
  @IsString()
  @Length(1, 300)
  titleId!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 300)
  titleEn!: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Minimum seconds before it counts as done; omit to derive from JP or video',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(86400)
  minSeconds?: number | null;

  @ApiPropertyOptional({ type: LessonContentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LessonContentDto)
  content?: LessonContentDto;
}

export class CreateLessonDto extends LessonFieldsDto {
  @ApiProperty({ enum: LESSON_TYPES })
  @IsIn(LESSON_TYPES)
  type!: (typeof LESSON_TYPES)[number];
}

export class UpdateLessonDto extends PartialType(LessonFieldsDto) {}

class LessonFileDoc {
  @ApiProperty({ description: 'Storage key' }) key!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() filename!: string;
}

class LessonContentDoc {
  @ApiPropertyOptional({ description: 'text lessons' }) markdown?: string;
  @ApiPropertyOptional({ description: 'video lessons' }) videoUrl?: string;
  @ApiPropertyOptional() durationSeconds?: number;
  @ApiPropertyOptional({ type: LessonFileDoc, description: 'file lessons, once uploaded' })
  file?: LessonFileDoc;
}

export class LessonView {
  @ApiProperty() id!: string;
  @ApiProperty() moduleId!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ enum: LESSON_TYPES }) type!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ nullable: true, type: Number }) minSeconds!: number | null;
  @ApiProperty({ type: () => LessonContentDoc, description: 'The fields of its type' })
  content!: LessonContentDoc;
  @ApiProperty({ nullable: true, type: String }) quizId!: string | null;
}

export class ModuleView {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty({ type: [LessonView] }) lessons!: LessonView[];
}

export class VersionView {
  @ApiProperty() id!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty({ enum: VERSION_STATUSES }) status!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty() descriptionId!: string;
  @ApiProperty() descriptionEn!: string;
  @ApiProperty() competencyCode!: string;
  @ApiProperty() jpHours!: number;
  @ApiProperty() certificateValidityMonths!: number;
  @ApiProperty() language!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: ['open', 'assigned'] }) enrollmentMode!: string;
  @ApiProperty() sequential!: boolean;
  @ApiProperty({ nullable: true, type: Date }) publishedAt!: Date | null;
  @ApiPropertyOptional({ type: [ModuleView] }) modules?: ModuleView[];
}

export class CourseView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ type: VersionView, nullable: true }) published!: VersionView | null;
  @ApiPropertyOptional({ type: VersionView, nullable: true, description: 'authors only' })
  draft?: VersionView | null;
}

export class CourseSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() versionId!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty({ enum: VERSION_STATUSES }) status!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty() competencyCode!: string;
  @ApiProperty() jpHours!: number;
  @ApiProperty({ enum: ['open', 'assigned'] }) enrollmentMode!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
}

export class ModuleSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
}

export class CourseStaffMemberView {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['owner', 'co_instructor'] }) role!: 'owner' | 'co_instructor';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) addedById!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}
