import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';
import { STORED_QUESTION_TYPES } from '../entities/question.entity';
import { IsDecimal } from '../../../common/http/decimal.decorator';

const TEXT_FORMATS = ['markdown', 'html', 'plain', 'moodle'] as const;
const MAX_ITEMS = 50;

export class OptionDto {
  @ApiPropertyOptional({ description: 'Keep the id of an option of the previous version' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  id?: string;

  @ApiProperty() @IsString() @Length(1, 5000) text!: string;

  @ApiProperty({ minimum: -1, maximum: 1 })
  @IsNumber()
  @Min(-1)
  @Max(1)
  fraction!: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) feedback?: string;
}

export class AcceptedAnswerDto {
  @ApiProperty({ description: '`*` is a wildcard' }) @IsString() @Length(1, 500) text!: string;

  @ApiProperty({ minimum: 0, maximum: 1 }) @IsNumber() @Min(0) @Max(1) fraction!: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) feedback?: string;
}

export class NumericalAnswerDto {
  @ApiPropertyOptional({ description: 'value ± tolerance; or give min and max' })
  @IsOptional()
  @IsNumber()
  value?: number;

  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) tolerance?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() min?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() max?: number;

  @ApiProperty({ minimum: 0, maximum: 1 }) @IsNumber() @Min(0) @Max(1) fraction!: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) feedback?: string;
}

export class MatchingPairDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) id?: string;

  @ApiProperty({ description: 'Empty prompt = distractor answer' })
  @IsString()
  @MaxLength(5000)
  prompt!: string;

  @ApiProperty() @IsString() @Length(1, 500) answer!: string;
}

export class QuestionInputDto {
  @ApiProperty({ enum: STORED_QUESTION_TYPES })
  @IsIn(STORED_QUESTION_TYPES)
  type!: (typeof STORED_QUESTION_TYPES)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) title?: string;

  @ApiProperty({ description: 'Markdown; rendered and sanitised for learners' })
  @IsString()
  @Length(1, 20000)
  text!: string;

  @ApiPropertyOptional({ enum: TEXT_FORMATS, default: 'markdown' })
  @IsOptional()
  @IsIn(TEXT_FORMATS)
  textFormat?: (typeof TEXT_FORMATS)[number];

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20000) generalFeedback?: string;

  @ApiProperty({ example: 1, minimum: 0, maximum: 1000 })
  @IsDecimal(2)
  @Min(0)
  @Max(1000)
  defaultMark!: number;

  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 60, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [OptionDto] })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options?: OptionDto[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() correctAnswer?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) feedbackTrue?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) feedbackFalse?: string;

  @ApiPropertyOptional({ type: [AcceptedAnswerDto] })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => AcceptedAnswerDto)
  acceptedAnswers?: AcceptedAnswerDto[];

  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() caseSensitive?: boolean;

  @ApiPropertyOptional({ type: [NumericalAnswerDto] })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => NumericalAnswerDto)
  numericalAnswers?: NumericalAnswerDto[];

  @ApiPropertyOptional({ type: [MatchingPairDto] })
  @IsOptional()
  @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => MatchingPairDto)
  matchingPairs?: MatchingPairDto[];
}

export class CreateCategoryDto {
  @ApiProperty({ example: 'K3 Umum/Listrik' }) @IsString() @Length(1, 500) name!: string;
}

export class ListQuestionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) tag?: string;

  @ApiPropertyOptional({ enum: STORED_QUESTION_TYPES })
  @IsOptional()
  @IsIn(STORED_QUESTION_TYPES)
  type?: (typeof STORED_QUESTION_TYPES)[number];

  @ApiPropertyOptional({ description: 'Words in the title or the text (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

const IMPORT_FORMATS = ['gift', 'aiken', 'moodlexml'] as const;
const EXPORT_FORMATS = ['gift', 'moodlexml'] as const;

export class ImportQueryDto {
  @ApiProperty({ enum: IMPORT_FORMATS })
  @IsIn(IMPORT_FORMATS)
  format!: (typeof IMPORT_FORMATS)[number];

  @ApiPropertyOptional({ description: 'true = validate and report, create nothing' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format!: (typeof EXPORT_FORMATS)[number];
}
