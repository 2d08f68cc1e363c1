import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';
import { CELL_STATES, type CellState } from '../domain/compliance-cell';

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

export class MatrixFilterDto extends ComplianceScopeDto {
  @ApiPropertyOptional({ maxLength: 32, description: 'Only this competency code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  competency?: string;

  @ApiPropertyOptional({ enum: CELL_STATES, description: 'Employees with a cell in this state' })
  @IsOptional()
  @IsIn(CELL_STATES)
  state?: CellState;

  @ApiPropertyOptional({ maxLength: 100, description: 'Name, e-mail or employee id contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class MatrixQueryDto extends IntersectionType(MatrixFilterDto, PageQueryDto) {}

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
