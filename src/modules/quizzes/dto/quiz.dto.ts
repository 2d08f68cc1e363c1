import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';
import { ATTEMPT_STATUSES } from '../entities/quiz-attempt.entity';
import { GRADING_METHODS } from '../entities/quiz.entity';
import { IsIsoTimestamp } from '../../../common/http/iso-timestamp.decorator';
import { IsDecimal } from '../../../common/http/decimal.decorator';

export class DrawDto {
  @ApiProperty() @IsUUID() categoryId!: string;
  @ApiProperty() @IsInt() @Min(1) @Max(200) count!: number;
}

export class SelectionDto {
  @ApiProperty({ enum: ['fixed', 'random'] }) @IsIn(['fixed', 'random']) mode!: 'fixed' | 'random';

  @ApiPropertyOptional({ type: [String], description: 'fixed mode: question ids in order' })
  @ValidateIf((o: SelectionDto) => o.mode === 'fixed')
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  questionIds?: string[];

  @ApiPropertyOptional({ type: [DrawDto], description: 'random mode: N per category' })
  @ValidateIf((o: SelectionDto) => o.mode === 'random')
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DrawDto)
  draws?: DrawDto[];
}

export class ReviewFlagsDto {
  @ApiProperty() @IsBoolean() score!: boolean;
  @ApiProperty() @IsBoolean() responses!: boolean;
  @ApiProperty() @IsBoolean() correctAnswers!: boolean;
  @ApiProperty() @IsBoolean() feedback!: boolean;
}

export class ReviewDto {
  @ApiProperty({ type: ReviewFlagsDto })
  @ValidateNested()
  @Type(() => ReviewFlagsDto)
  afterSubmit!: ReviewFlagsDto;

  @ApiProperty({ type: ReviewFlagsDto })
  @ValidateNested()
  @Type(() => ReviewFlagsDto)
  afterClose!: ReviewFlagsDto;
}

export class QuizSettingsDto {
  @ApiProperty() @IsString() @Length(1, 300) title!: string;

  @ApiProperty({ type: SelectionDto })
  @ValidateNested()
  @Type(() => SelectionDto)
  selection!: SelectionDto;

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() shuffleQuestions?: boolean;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() shuffleAnswers?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Seconds; null = no limit',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3600)
  timeLimitSeconds?: number | null;

  @ApiPropertyOptional({ type: 'integer', description: 'null = unlimited', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  attemptsAllowed?: number | null;

  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) passingPercent!: number;

  @ApiPropertyOptional({ enum: GRADING_METHODS, default: 'highest' })
  @IsOptional()
  @IsIn(GRADING_METHODS)
  gradingMethod?: (typeof GRADING_METHODS)[number];

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsIsoTimestamp({ as: 'string' })
  openAt?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @IsIsoTimestamp({ as: 'string' })
  closeAt?: string | null;

  @ApiPropertyOptional({ type: ReviewDto, description: 'Default: nothing is shown' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReviewDto)
  review?: ReviewDto;
}

export class CreateQuizDto extends QuizSettingsDto {
  @ApiProperty({ description: 'A quiz lesson of the draft course version' })
  @IsUUID()
  lessonId!: string;
}

export class UpdateQuizDto extends PartialType(QuizSettingsDto) {}

export class ListAttemptsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ATTEMPT_STATUSES })
  @IsOptional()
  @IsIn(ATTEMPT_STATUSES)
  status?: (typeof ATTEMPT_STATUSES)[number];
}

export class MatchDto {
  @ApiProperty() @IsString() @MaxLength(64) pairId!: string;
  @ApiProperty() @IsString() @MaxLength(500) answer!: string;
}

/** Fill the field that fits the question type; the others are ignored. */
export class SaveAnswerDto {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'single_choice' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  optionId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'multiple_choice' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  optionIds?: string[];

  @ApiPropertyOptional({ type: Boolean, nullable: true, description: 'true_false' })
  @IsOptional()
  @IsBoolean()
  answer?: boolean | null;

  @ApiPropertyOptional({ description: 'short_answer, numerical, essay' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  text?: string;

  @ApiPropertyOptional({ type: [MatchDto], description: 'matching' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MatchDto)
  matches?: MatchDto[];

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    description:
      'When the learner gave the answer, on the server clock (an app that was offline). After ' +
      'the deadline, an answer given before it is still taken during the offline grace',
  })
  @IsOptional()
  @IsIsoTimestamp()
  answeredAt?: Date;
}

export class GradeItemDto {
  @ApiProperty({ description: 'The question id shown in the attempt (a version id)' })
  @IsUUID()
  questionId!: string;

  @ApiProperty({ description: 'Marks awarded, 0..the question mark' })
  @IsDecimal(2)
  @Min(0)
  @Max(1000)
  mark!: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}

export class GradeAttemptDto {
  @ApiProperty({ type: [GradeItemDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => GradeItemDto)
  grades!: GradeItemDto[];

  @ApiPropertyOptional({
    description:
      'Why a mark an instructor already gave changes; required then (REGRADE_REASON_REQUIRED)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class RegradeDto {
  @ApiProperty({ description: 'The corrected question; its current version replaces older ones' })
  @IsUUID()
  questionId!: string;
}
