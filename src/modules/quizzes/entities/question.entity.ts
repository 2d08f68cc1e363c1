import {
  Column,
  CreateDateColumn,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Timestamped } from '../../../database/timestamps';
import type { QuestionSpec } from '../domain/question-spec';
import { QuestionBank, QuestionCategory } from './question-bank.entity';

export const STORED_QUESTION_TYPES = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'short_answer',
  'numerical',
  'matching',
  'essay',
  'description',
] as const;
export type StoredQuestionType = (typeof STORED_QUESTION_TYPES)[number];

/** The stable identity of a question; its content lives in immutable versions. */
@Entity('questions')
@Index('ix_questions_bank', ['bankId', 'seq'])
@Index('ix_questions_category', ['categoryId'])
export class Question extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId!: string;

  /** Bank order (import order survives a round trip); also the paging key. */
  @Column({ type: 'integer' })
  @Generated('increment')
  seq!: number;

  @ManyToOne(() => QuestionBank, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id' })
  bank?: QuestionBank;

  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => QuestionCategory, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'category_id' })
  category?: QuestionCategory;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  /** Null only inside the transaction that creates the question. */
  @Column({ name: 'current_version_id', type: 'uuid', nullable: true })
  currentVersionId!: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}

/**
 * Never updated: an edit inserts a new version, so every attempt keeps the exact version it
 * showed. `spec` holds the answer key (option ids, fractions, accepted answers, pairs).
 */
@Entity('question_versions')
@Index('uq_question_versions_no', ['questionId', 'versionNo'], { unique: true })
export class QuestionVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'question_id', type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => Question, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: Question;

  @Column({ name: 'version_no', type: 'integer' })
  versionNo!: number;

  @Column({
    type: 'enum',
    enum: STORED_QUESTION_TYPES,
    enumName: 'question_type',
  })
  type!: StoredQuestionType;

  @Column({ type: 'varchar', length: 300, nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'text_format', type: 'varchar', length: 16, default: 'markdown' })
  textFormat!: string;

  @Column({ name: 'general_feedback', type: 'text', nullable: true })
  generalFeedback!: string | null;

  /** Hundredths of a mark: 150 = 1.50 marks. */
  @Column({ name: 'default_mark_hundredths', type: 'integer' })
  defaultMarkHundredths!: number;

  @Column({ type: 'jsonb' })
  spec!: QuestionSpec;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
