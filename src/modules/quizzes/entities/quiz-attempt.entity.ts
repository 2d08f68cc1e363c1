import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';
import type { SnapshotItem } from '../domain/attempt-rules';
import type { QuestionResponse } from '../domain/scoring';
import { QuestionVersion } from './question.entity';
import { Quiz } from './quiz.entity';

export const ATTEMPT_STATUSES = ['open', 'submitted', 'needs_grading', 'graded'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

@Entity('quiz_attempts')
@Index('uq_quiz_attempts_open', ['quizId', 'userId'], { unique: true, where: "status = 'open'" })
@Index('ix_quiz_attempts_user', ['quizId', 'userId', 'attemptNo'])
@Index('ix_quiz_attempts_grace_until', ['graceUntil'], { where: "status = 'open'" })
export class QuizAttempt extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'quiz_id', type: 'uuid' })
  quizId!: string;

  @ManyToOne(() => Quiz, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'quiz_id' })
  quiz?: Quiz;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @Column({ name: 'attempt_no', type: 'integer' })
  attemptNo!: number;

  @Column({
    type: 'enum',
    enum: ATTEMPT_STATUSES,
    enumName: 'quiz_attempt_status',
    default: 'open',
  })
  status!: AttemptStatus;

  /** The question versions shown, in order, with their option order: fixed at start. */
  @Column({ type: 'jsonb' })
  questions!: SnapshotItem[];

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  /** Null when the quiz has neither a time limit nor a close time. */
  @Column({ type: 'timestamptz', nullable: true })
  deadline!: Date | null;

  /** Answers given before the deadline are taken until then; the worker submits at it. */
  @Column({ name: 'grace_until', type: 'timestamptz', nullable: true })
  graceUntil!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** Hundredths of a mark. */
  @Column({ name: 'score_hundredths', type: 'integer', nullable: true })
  scoreHundredths!: number | null;

  @Column({ name: 'max_score_hundredths', type: 'integer', nullable: true })
  maxScoreHundredths!: number | null;

  /** Hundredths of a percent: 8550 = 85.50 %. */
  @Column({ name: 'percent_hundredths', type: 'integer', nullable: true })
  percentHundredths!: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed!: boolean | null;
}

@Entity('quiz_attempt_answers')
@Index('uq_quiz_attempt_answers', ['attemptId', 'questionVersionId'], { unique: true })
export class AttemptAnswer extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'attempt_id', type: 'uuid' })
  attemptId!: string;

  @ManyToOne(() => QuizAttempt, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'attempt_id' })
  attempt?: QuizAttempt;

  @Column({ name: 'question_version_id', type: 'uuid' })
  questionVersionId!: string;

  @ManyToOne(() => QuestionVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_version_id' })
  version?: QuestionVersion;

  @Column({ type: 'jsonb' })
  response!: QuestionResponse;

  /** Hundredths of a mark; null until graded (essays wait for an instructor). */
  /** When the learner gave it: the arrival time, or the earlier time an offline answer was given. */
  @Column({ name: 'answered_at', type: 'timestamptz', default: () => 'now()' })
  answeredAt!: Date;

  @Column({ name: 'mark_hundredths', type: 'integer', nullable: true })
  markHundredths!: number | null;

  @Column({ name: 'grader_comment', type: 'text', nullable: true })
  graderComment!: string | null;

  @Column({ name: 'graded_by_id', type: 'uuid', nullable: true })
  gradedById!: string | null;
}
