import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseVersion } from './course-version.entity';

/** A course module (a chapter); named CourseModuleEntity to avoid confusion with Nest modules. */
@Entity('course_modules')
@Index('ix_course_modules_version', ['courseVersionId', 'position'])
export class CourseModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId!: string;

  @ManyToOne(() => CourseVersion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_version_id' })
  version?: CourseVersion;

  /** The same module in every version of the course (a new draft copies it). */
  @Column({ name: 'module_key', type: 'uuid', default: () => 'gen_random_uuid()' })
  moduleKey!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'title_id', type: 'varchar', length: 300 })
  titleId!: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn!: string;
}
