import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';
import { DISCRIMINATION_LEVELS, FACILITY_LEVELS } from '../domain/item-analysis';

export const ANALYSED_ATTEMPTS = ['first', 'all'] as const;
export type AnalysedAttempts = (typeof ANALYSED_ATTEMPTS)[number];

export class ItemAnalysisQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ANALYSED_ATTEMPTS,
    default: 'first',
    description:
      "first: each learner's first finished attempt (Moodle's default); all: every graded attempt",
  })
  @IsOptional()
  @IsIn(ANALYSED_ATTEMPTS)
  attempts: AnalysedAttempts = 'first';
}

class OptionChoiceView {
  @ApiProperty({ description: 'Option id; "true" / "false" for true/false questions' })
  id!: string;
  @ApiProperty({ description: 'Option text (Markdown) of the current version' }) text!: string;
  @ApiProperty({ description: 'Whether the option earns marks (fraction > 0)' }) correct!: boolean;
  @ApiProperty({ description: 'Counted attempts that chose it' }) count!: number;
  @ApiProperty({ description: 'count / attempts of the question, 0–100' }) percent!: number;
}

export class ItemAnalysisRowView {
  @ApiProperty() questionId!: string;
  @ApiProperty({ description: 'Bank order of the question (the paging key)' }) position!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ description: 'Plain-text start of the question' }) snippet!: string;
  @ApiProperty({ description: 'Counted (graded) attempts that showed the question' })
  attempts!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Facility index F, 0–100 (null without attempts)',
  })
  facility!: number | null;
  @ApiProperty({ enum: FACILITY_LEVELS, nullable: true }) facilityLevel!: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Discrimination index D, −100–100 (null when question or rest has no spread)',
  })
  discrimination!: number | null;
  @ApiProperty({ enum: DISCRIMINATION_LEVELS, nullable: true })
  discriminationLevel!: string | null;
  @ApiPropertyOptional({
    type: [OptionChoiceView],
    description: 'Choice and true/false questions: how often each option was chosen',
  })
  options?: OptionChoiceView[];
}

export class ItemAnalysisPageView {
  @ApiProperty({ enum: ANALYSED_ATTEMPTS }) analysedAttempts!: string;
  @ApiProperty({ description: 'Attempts counted in the analysis' }) attemptCount!: number;
  @ApiProperty({ type: [ItemAnalysisRowView] }) items!: ItemAnalysisRowView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
