import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';
import { Course } from './course.entity';

export type VersionStatus = 'draft' | 'published' | 'superseded' | 'archived';
export type EnrollmentMode = 'open' | 'assigned';

/** A frozen snapshot once published; at most one draft and one published version per course. */
@Entity('course_versions')
@Index('uq_course_versions_no', ['courseId', 'versionNo'], { unique: true })
@Index('uq_course_versions_one_draft', ['courseId'], { unique: true, where: "status = 'draft'" })
@Index('uq_course_versions_one_published', ['courseId'], {
  unique: true,
  where: "status = 'published'",
})
export class CourseVersion extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'version_no', type: 'integer' })
  versionNo!: number;

  @Column({
    type: 'enum',
    enum: ['draft', 'published', 'superseded', 'archived'],
    enumName: 'course_version_status',
  })
  status!: VersionStatus;

  @Column({ name: 'title_id', type: 'varchar', length: 300 })
  titleId!: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn!: string;

  @Column({ name: 'description_id', type: 'text', default: '' })
  descriptionId!: string;

  @Column({ name: 'description_en', type: 'text', default: '' })
  descriptionEn!: string;

  @Column({ name: 'competency_code', type: 'varchar', length: 32 })
  competencyCode!: string;

  @Column({ name: 'jp_hours', type: 'integer' })
  jpHours!: number;

  @Column({ name: 'certificate_validity_months', type: 'integer', default: 0 })
  certificateValidityMonths!: number;

  @Column({ type: 'varchar', length: 2, default: 'id' })
  language!: 'id' | 'en';

  @Column({ type: 'text', array: true, default: '{}' })
  tags!: string[];

  @Column({
    name: 'enrollment_mode',
    type: 'enum',
    enum: ['open', 'assigned'],
    enumName: 'course_enrollment_mode',
    default: 'open',
  })
  enrollmentMode!: EnrollmentMode;

  @Column({ type: 'boolean', default: false })
  sequential!: boolean;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
