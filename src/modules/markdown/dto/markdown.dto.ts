import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** The longest markdown a text lesson holds (LessonContentDto); the preview takes no more. */
export const MAX_PREVIEW_MARKDOWN = 200000;

export class MarkdownPreviewDto {
  @ApiProperty({ description: 'Markdown as an author writes it', maxLength: MAX_PREVIEW_MARKDOWN })
  @IsString()
  @MaxLength(MAX_PREVIEW_MARKDOWN)
  markdown!: string;
}

export class MarkdownPreviewView {
  @ApiProperty({ description: 'The sanitised HTML, exactly as a learner receives it' })
  html!: string;
}
