import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseModuleEntity } from './course-module.entity';
import { CourseVersion } from './course-version.entity';

export type LessonType = 'text' | 'video' | 'file' | 'quiz';

export interface LessonContent {
  markdown?: string;
  videoUrl?: string;
  durationSeconds?: number;
  file?: { key: string; contentType: string; size: number; sha256: string; filename: string };
}

@Entity('lessons')
@Index('ix_lessons_version', ['courseVersionId'])
@Index('ix_lessons_module', ['moduleId', 'position'])
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId!: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_version_id' })
  version?: CourseVersion;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  /** The same lesson in every version of the course (a new draft copies it). */
  @Column({ name: 'lesson_key', type: 'uuid', default: () => 'gen_random_uuid()' })
  lessonKey!: string;

  @ManyToOne(() => CourseModuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModuleEntity;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'enum', enum: ['text', 'video', 'file', 'quiz'], enumName: 'lesson_type' })
  type!: LessonType;

  @Column({ name: 'title_id', type: 'varchar', length: 300 })
  titleId!: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn!: string;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  /** Null in a draft means "derive at publish" (from JP hours or the video duration). */
  @Column({ name: 'min_seconds', type: 'integer', nullable: true })
  minSeconds!: number | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  content!: LessonContent;

  /** Filled in by the quizzes module; no foreign key yet. */
  @Column({ name: 'quiz_id', type: 'uuid', nullable: true })
  quizId!: string | null;
}
