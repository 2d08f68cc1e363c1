import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

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
