import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COURSE_DIFF_FIELDS, QUIZ_DIFF_FIELDS } from '../domain/publish-diff';
import { LESSON_TYPES } from './course.dto';

const MODULE_CHANGES = ['title', 'moved'] as const;
const LESSON_CHANGES = ['title', 'type', 'required', 'minSeconds', 'content', 'moved'] as const;
const QUIZ_CHANGES = ['added', 'removed', 'replaced', 'changed'] as const;

export class ModuleDiffItemView {
  @ApiProperty({ format: 'uuid', description: 'The same module in every version' }) key!: string;
  @ApiProperty({ format: 'uuid', description: "The draft's row (removed: the published one)" })
  id!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
}

export class ChangedModuleView extends ModuleDiffItemView {
  @ApiProperty({ enum: MODULE_CHANGES, isArray: true }) changes!: string[];
}

export class LessonDiffItemView {
  @ApiProperty({ format: 'uuid', description: 'The same lesson in every version' }) key!: string;
  @ApiProperty({ format: 'uuid', description: "The draft's row (removed: the published one)" })
  id!: string;
  @ApiProperty({ enum: LESSON_TYPES }) type!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
}

export class ChangedLessonView extends LessonDiffItemView {
  @ApiProperty({ enum: LESSON_CHANGES, isArray: true }) changes!: string[];
}

export class QuizDiffItemView extends LessonDiffItemView {
  @ApiProperty({ enum: QUIZ_CHANGES, description: 'What happens to the quiz of this lesson' })
  change!: string;
  @ApiProperty({
    enum: QUIZ_DIFF_FIELDS,
    isArray: true,
    description: "For a changed quiz: the settings in which the draft's copy differs",
  })
  fields!: string[];
}

export class ModuleDiffView {
  @ApiProperty({ type: [ModuleDiffItemView] }) added!: ModuleDiffItemView[];
  @ApiProperty({ type: [ModuleDiffItemView] }) removed!: ModuleDiffItemView[];
  @ApiProperty({ type: [ChangedModuleView] }) changed!: ChangedModuleView[];
}

export class LessonDiffView {
  @ApiProperty({ type: [LessonDiffItemView] }) added!: LessonDiffItemView[];
  @ApiProperty({ type: [LessonDiffItemView] }) removed!: LessonDiffItemView[];
  @ApiProperty({ type: [ChangedLessonView] }) changed!: ChangedLessonView[];
}

export class PublishProblemView {
  @ApiProperty({ enum: ['NO_LESSONS', 'FILE_MISSING', 'VIDEO_MISSING', 'QUIZ_MISSING'] })
  code!: string;
  @ApiPropertyOptional({ format: 'uuid' }) lessonId?: string;
  @ApiProperty() message!: string;
}

/** What publishing the draft now would change; read-only. */
export class PublishPreviewView {
  @ApiProperty() draftVersionNo!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The version it is compared with (published or archived); null: first publish',
  })
  publishedVersionNo!: number | null;
  @ApiProperty({ description: 'Anything at all differs (always true on a first publish)' })
  hasChanges!: boolean;
  @ApiProperty({
    enum: COURSE_DIFF_FIELDS,
    isArray: true,
    description: 'Course fields that differ',
  })
  fields!: string[];
  @ApiProperty({ type: ModuleDiffView }) modules!: ModuleDiffView;
  @ApiProperty({ type: LessonDiffView }) lessons!: LessonDiffView;
  @ApiProperty({ type: [QuizDiffItemView] }) quizzes!: QuizDiffItemView[];
  @ApiProperty({
    type: [PublishProblemView],
    description: 'Why publishing would be refused now (422 COURSE_NOT_PUBLISHABLE); empty: ready',
  })
  problems!: PublishProblemView[];
}
