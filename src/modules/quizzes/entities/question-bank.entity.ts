import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';
// Another module's entity is named by string in the relation and imported as a type only, so
// loading this entity (migrations, the TypeORM CLI) never loads that module's services.
import type { Course } from '../../courses';

/** One bank per course; quizzes of every version of the course draw from it. */
@Entity('question_banks')
export class QuestionBank extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_question_banks_course', { unique: true })
  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne('Course', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;
}

/** A category is a path such as `K3 Umum/Listrik`, unique within its bank. */
@Entity('question_categories')
@Index('uq_question_categories_name', ['bankId', 'name'], { unique: true })
export class QuestionCategory extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'bank_id', type: 'uuid' })
  bankId!: string;

  @ManyToOne(() => QuestionBank, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id' })
  bank?: QuestionBank;

  @Column({ type: 'varchar', length: 500 })
  name!: string;
}
