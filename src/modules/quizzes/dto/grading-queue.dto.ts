import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';

export const QUEUE_STATES = ['waiting', 'graded'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export class GradingQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only essays of this course' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({
    enum: QUEUE_STATES,
    default: 'waiting',
    description:
      'waiting: essays no instructor has marked yet, oldest submission first (blank ones too); ' +
      'graded: essays an instructor marked, newest submission first (to change a mark)',
  })
  @IsOptional()
  @IsIn(QUEUE_STATES)
  state: QueueState = 'waiting';
}

class QueueCourseView {
  @ApiProperty() id!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
}

class QueueQuizView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

class QueueLearnerView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class GradingQueueItemView {
  @ApiProperty({ description: 'POST /api/v1/attempts/{attemptId}/grades grades it' })
  attemptId!: string;
  @ApiProperty({ description: 'The questionId to grade with (the version shown)' })
  questionId!: string;
  @ApiProperty() attemptNo!: number;
  @ApiProperty() submittedAt!: Date;
  @ApiProperty({ type: QueueCourseView }) course!: QueueCourseView;
  @ApiProperty({ type: QueueQuizView }) quiz!: QueueQuizView;
  @ApiProperty({ type: QueueLearnerView }) learner!: QueueLearnerView;
  @ApiProperty({ description: 'The essay question (Markdown)' }) questionText!: string;
  @ApiProperty({ description: "The learner's answer; empty when they left it blank" })
  answerText!: string;
  @ApiProperty() maxMark!: number;
  @ApiProperty({ type: Number, nullable: true, description: "The instructor's mark, if any" })
  mark!: number | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
}

class QueueCourseCountView extends QueueCourseView {
  @ApiProperty({ description: 'Essays of the course still waiting for a mark' }) waiting!: number;
}

export class GradingQueuePageView {
  @ApiProperty({ type: [GradingQueueItemView] }) items!: GradingQueueItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({
    type: [QueueCourseCountView],
    description: 'Every course in scope with essays (waiting or graded), whatever the filters',
  })
  courses!: QueueCourseCountView[];
}
