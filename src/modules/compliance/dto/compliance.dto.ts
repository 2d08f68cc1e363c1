import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';
import { CELL_STATES, type CellState } from '../domain/compliance-cell';
import type { ExportLanguage } from '../domain/matrix-export';

/** At most this many competency codes in one matrix filter. */
export const MAX_MATRIX_COMPETENCIES = 50;

export class ComplianceScopeDto {
  @ApiPropertyOptional({ description: 'Admins only: whose compliance; HR always see their own' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class CompetencySummaryView {
  @ApiProperty({ example: 'AK3U' })
  competencyCode!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Indonesian title of the latest published course with this code',
  })
  nameId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'English title of the latest published course with this code',
  })
  nameEn!: string | null;

  @ApiProperty({ description: 'Employees holding a valid certificate (expiring ones included)' })
  valid!: number;

  @ApiProperty({ description: 'Valid certificates ending within 30 days' })
  expiring30!: number;

  @ApiProperty({ description: 'Valid certificates ending within 60 days' })
  expiring60!: number;

  @ApiProperty({ description: 'Valid certificates ending within 90 days' })
  expiring90!: number;

  @ApiProperty({ description: 'No valid certificate, no open enrollment, an expired one' })
  expired!: number;

  @ApiProperty({ description: 'No valid certificate, an open enrollment not past its due date' })
  inTraining!: number;

  @ApiProperty({ description: 'No valid certificate, an open enrollment past its due date' })
  overdue!: number;
}

export class ComplianceSummaryView {
  @ApiProperty({ format: 'date-time' })
  asOf!: string;

  @ApiProperty({ type: [CompetencySummaryView] })
  competencies!: CompetencySummaryView[];
}

/** `a,b` or a repeated parameter → a list of trimmed, non-empty values (none → absent). */
const listOf = ({ value }: { value: unknown }): unknown => {
  if (value === undefined || value === null) return undefined;
  const list = (Array.isArray(value) ? value : [value])
    .flatMap((v: unknown) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v: unknown) => (typeof v === 'string' ? v.trim() : v))
    .filter((v: unknown) => v !== '');
  return list.length > 0 ? list : undefined;
};

export class MatrixFilterDto extends ComplianceScopeDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_MATRIX_COMPETENCIES,
    description: 'Only these competency codes (comma separated or repeated)',
  })
  @IsOptional()
  @Transform(listOf)
  @IsArray()
  @ArrayMaxSize(MAX_MATRIX_COMPETENCIES)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  competency?: string[];

  @ApiPropertyOptional({
    enum: CELL_STATES,
    description: 'Employees with a cell (of the chosen competencies) in this state',
  })
  @IsOptional()
  @IsIn(CELL_STATES)
  state?: CellState;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 3650,
    description:
      'Employees with a valid certificate (of the chosen competencies, in the chosen state) ending within this many days',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Name contains, or e-mail, employee id or NIK starts with (case-insensitive)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class MatrixQueryDto extends IntersectionType(MatrixFilterDto, PageQueryDto) {}

const EXPORT_LANGUAGES: readonly ExportLanguage[] = ['id', 'en'];

export class MatrixExportQueryDto extends MatrixFilterDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format: 'csv' | 'xlsx' = 'csv';

  @ApiPropertyOptional({
    enum: EXPORT_LANGUAGES,
    description: "Column headers and cell words; default: the requester's language setting",
  })
  @IsOptional()
  @IsIn(EXPORT_LANGUAGES)
  lang?: ExportLanguage;
}

export class MatrixCellView {
  @ApiProperty()
  competencyCode!: string;

  @ApiProperty({ enum: CELL_STATES })
  state!: CellState;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Expiry of the deciding valid certificate; null when none or it never expires',
  })
  validUntil!: string | null;
}

export class MatrixRowView {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ type: String, nullable: true })
  employeeId!: string | null;

  @ApiProperty({ type: [MatrixCellView], description: 'One per competency, ordered by code' })
  cells!: MatrixCellView[];
}

export class MatrixPageView {
  @ApiProperty({ type: [MatrixRowView] })
  items!: MatrixRowView[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
