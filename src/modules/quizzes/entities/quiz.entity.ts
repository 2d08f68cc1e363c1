import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';
import type { QuizOptions } from '../domain/quiz-settings';

export const GRADING_METHODS = ['highest', 'last'] as const;
export type GradingMethod = (typeof GRADING_METHODS)[number];

/**
 * A quiz belongs to one quiz lesson of one course version. A new draft copies it for the draft's
 * lesson (same `quizKey`), so a frozen version's quiz never changes with the draft.
 */
@Entity('quizzes')
export class Quiz extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_quizzes_lesson', { unique: true })
  @Column({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  /** The same quiz in every version of the course. */
  @Column({ name: 'quiz_key', type: 'uuid', default: () => 'gen_random_uuid()' })
  quizKey!: string;

  @Index('ix_quizzes_course')
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ name: 'time_limit_seconds', type: 'integer', nullable: true })
  timeLimitSeconds!: number | null;

  /** Null = unlimited. */
  @Column({ name: 'attempts_allowed', type: 'integer', nullable: true })
  attemptsAllowed!: number | null;

  @Column({ name: 'passing_percent', type: 'integer' })
  passingPercent!: number;

  @Column({
    name: 'grading_method',
    type: 'enum',
    enum: GRADING_METHODS,
    enumName: 'quiz_grading_method',
    default: 'highest',
  })
  gradingMethod!: GradingMethod;

  @Column({ name: 'open_at', type: 'timestamptz', nullable: true })
  openAt!: Date | null;

  @Column({ name: 'close_at', type: 'timestamptz', nullable: true })
  closeAt!: Date | null;

  /** Question selection, shuffling and review options. */
  @Column({ type: 'jsonb' })
  options!: QuizOptions;
}
