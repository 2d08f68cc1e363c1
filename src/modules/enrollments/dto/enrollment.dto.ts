import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsOptional,
  IsUUID,
  MinDate,
} from 'class-validator';
import { PageQueryDto } from '../../../common/paging/cursor';
import { IsIsoTimestamp } from '../../../common/http/iso-timestamp.decorator';

export const DISPLAY_STATUSES = [
  'not_started',
  'in_progress',
  'completed',
  'overdue',
  'withdrawn',
] as const;

export class AssignDto {
  @ApiProperty({ type: [String], maxItems: 1000, description: 'Learner ids of your organization' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];

  @ApiPropertyOptional({ type: Date, nullable: true, example: '2026-12-31T16:59:59Z' })
  @IsOptional()
  @IsIsoTimestamp()
  @MinDate(new Date('2000-01-01'))
  dueAt?: Date | null;
}

export class AssignmentPreviewDto {
  @ApiProperty({ type: [String], maxItems: 1000, description: 'Learner ids of your organization' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class AssignmentImportQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: check the file and answer the assignment preview; nothing is written',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

export class ExtendDueDatesDto extends AssignmentPreviewDto {
  @ApiProperty({ type: Date, example: '2027-01-31T16:59:59Z' })
  @IsIsoTimestamp()
  @MinDate(new Date('2000-01-01'))
  dueAt!: Date;
}

export class AssignmentPreviewItemView {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) employeeId!: string | null;
  @ApiProperty({
    enum: ['new', 'enrolled', 'completed'],
    description:
      'new: assigning creates an enrollment; enrolled: an active one exists (assigning only ' +
      'changes its due date); completed: completed before, no active one (assigning starts a ' +
      'new enrollment)',
  })
  standing!: 'new' | 'enrolled' | 'completed';
  @ApiProperty({ nullable: true, type: Date, description: 'Due date of the active enrollment' })
  dueAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastCompletedAt!: Date | null;
}

export class AssignmentPreviewView {
  @ApiProperty() new!: number;
  @ApiProperty() enrolled!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ type: [AssignmentPreviewItemView] }) items!: AssignmentPreviewItemView[];
}

export class DueDateExtensionView {
  @ApiProperty({ description: 'Active enrollments whose due date was set' }) extended!: number;
  @ApiProperty({
    type: [String],
    description: 'Selected learners without an active enrollment on the course (left alone)',
  })
  notEnrolledUserIds!: string[];
}

export class EmployeeTrainingView {
  @ApiProperty({ type: () => [EnrollmentView] }) items!: EnrollmentView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty({ description: 'All enrollments of the employee, not only this page' })
  totalTimeSpentSeconds!: number;
  @ApiProperty({ description: 'Completed enrollments of the employee' })
  completedCount!: number;
}

export class AssignmentItemView {
  @ApiProperty() userId!: string;
  @ApiProperty() enrollmentId!: string;
  @ApiProperty({ enum: ['created', 'updated', 'unchanged'] }) result!: string;
}

export class AssignmentResultView {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [AssignmentItemView] }) items!: AssignmentItemView[];
}

export class EnrollmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DISPLAY_STATUSES })
  @IsOptional()
  @IsIn(DISPLAY_STATUSES)
  status?: (typeof DISPLAY_STATUSES)[number];
}

export class LessonProgressView {
  @ApiProperty() id!: string;
  @ApiProperty() moduleId!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty({ enum: ['text', 'video', 'file', 'quiz'] }) type!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty() minSeconds!: number;
  @ApiProperty({ enum: ['not_started', 'in_progress', 'completed'] }) status!: string;
  @ApiProperty() timeSpentSeconds!: number;
  @ApiProperty() locked!: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Sequential courses: the required lesson to complete first (null when open)',
  })
  lockedByLessonId!: string | null;
  @ApiProperty({ description: 'Credited seconds still needed before the lesson may be completed' })
  secondsStillRequired!: number;
  @ApiProperty({
    description:
      'Whether POST .../complete would be accepted now (the completion call also credits the time since the last heartbeat)',
  })
  canComplete!: boolean;
  @ApiProperty({
    nullable: true,
    enum: ['LESSON_LOCKED', 'LESSON_NOT_STARTED', 'MIN_TIME_NOT_REACHED', 'QUIZ_MUST_BE_PASSED'],
    description: 'Why completing is refused now (null when allowed or already completed)',
  })
  completeRefusal!: string | null;
}

export class EnrollmentView {
  @ApiProperty() id!: string;
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty() courseId!: string;
  @ApiProperty() courseVersionId!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty() jpHours!: number;
  @ApiProperty({ enum: DISPLAY_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: Date }) dueAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) startedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
  @ApiProperty() timeSpentSeconds!: number;
  @ApiProperty() percent!: number;
  @ApiProperty({ description: 'JP hours credited (the course JP once completed)' })
  jpCredited!: number;
  @ApiProperty({ nullable: true, type: String }) nextLessonId!: string | null;
  @ApiPropertyOptional({ type: [LessonProgressView] }) lessons?: LessonProgressView[];
}

export class RosterItemView {
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) organizationId!: string | null;
  @ApiProperty() versionNo!: number;
  @ApiProperty({ enum: DISPLAY_STATUSES }) status!: string;
  @ApiProperty() percent!: number;
  @ApiProperty() timeSpentSeconds!: number;
  @ApiProperty({ nullable: true, type: Date }) dueAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
}

export class ProgressResultView {
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() lessonId!: string;
  @ApiProperty({ enum: ['in_progress', 'completed'] }) lessonStatus!: string;
  @ApiProperty() lessonTimeSpentSeconds!: number;
  @ApiProperty({ enum: DISPLAY_STATUSES }) enrollmentStatus!: string;
  @ApiProperty() percent!: number;
  @ApiProperty({ nullable: true, type: String }) nextLessonId!: string | null;
}

export class HeartbeatResultView {
  @ApiProperty({
    description:
      'false when it came less than 10 s after the previous credited one: nothing is credited ' +
      '(a second tab, a retry); not an error',
  })
  accepted!: boolean;
  @ApiProperty() creditedSeconds!: number;
  @ApiProperty() lessonTimeSpentSeconds!: number;
}

export class LessonContentView {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['text', 'video', 'file', 'quiz'] }) type!: string;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiPropertyOptional({ description: 'text: sanitised HTML' }) html?: string;
  @ApiPropertyOptional() videoUrl?: string;
  @ApiPropertyOptional() durationSeconds?: number;
  @ApiPropertyOptional({ description: 'file: download path' }) fileUrl?: string;
  @ApiPropertyOptional({ nullable: true, type: String }) quizId?: string | null;
}

export class OrganizationReportQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Admins only: the organization to report on' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class ExportQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'] })
  @IsIn(['csv', 'xlsx'])
  format!: 'csv' | 'xlsx';

  @ApiPropertyOptional({ description: 'Admins only: the organization to export' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class OrganizationReportRowView {
  @ApiProperty() enrollmentId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) employeeId!: string | null;
  @ApiProperty() courseId!: string;
  @ApiProperty() courseCode!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty({ enum: DISPLAY_STATUSES }) status!: string;
  @ApiProperty() percent!: number;
  @ApiProperty() jpHours!: number;
  @ApiProperty({ description: 'JP hours credited (the course JP once completed)' }) jpDone!: number;
  @ApiProperty({ nullable: true, type: Date }) dueAt!: Date | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ nullable: true, type: Date }) completedAt!: Date | null;
}

export class EnrollResultView {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'false when the learner was already enrolled (answered 200)' })
  created!: boolean;
}

class CourseStatusCountsView {
  @ApiProperty() not_started!: number;
  @ApiProperty() in_progress!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() withdrawn!: number;
}

class CourseLessonReportView {
  @ApiProperty() lessonId!: string;
  @ApiProperty() versionNo!: number;
  @ApiProperty() titleId!: string;
  @ApiProperty() titleEn!: string;
  @ApiProperty({ enum: ['text', 'video', 'file', 'quiz'] }) type!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Quiz lessons: the quiz' })
  quizId!: string | null;
  @ApiProperty() started!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() averageTimeSpentSeconds!: number;
}

class CourseVersionEnrolledView {
  @ApiProperty() versionNo!: number;
  @ApiProperty({ description: 'Enrollments pinned to this version, withdrawn ones excepted' })
  enrolled!: number;
}

export class CourseReportView {
  @ApiProperty() courseId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() enrolled!: number;
  @ApiProperty({ type: CourseStatusCountsView }) byStatus!: CourseStatusCountsView;
  @ApiProperty() averagePercent!: number;
  @ApiProperty() averageTimeSpentSeconds!: number;
  @ApiProperty({ type: [CourseLessonReportView] }) lessons!: CourseLessonReportView[];
  @ApiProperty({ type: [CourseVersionEnrolledView], description: 'Newest version first' })
  versions!: CourseVersionEnrolledView[];
}
