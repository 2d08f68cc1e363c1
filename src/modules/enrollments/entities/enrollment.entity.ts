import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';
// Another module's entity is named by string in the relation and imported as a type only, so
// loading this entity (migrations, the TypeORM CLI) never loads that module's services.
import type { Course, CourseVersion } from '../../courses';
import type { User } from '../../users';

export type EnrollmentStatus = 'not_started' | 'in_progress' | 'completed' | 'withdrawn';

@Entity('enrollments')
@Index('uq_enrollments_active', ['userId', 'courseId'], {
  unique: true,
  where: "status IN ('not_started', 'in_progress')",
})
@Index('ix_enrollments_user', ['userId', 'createdAt', 'id'])
@Index('ix_enrollments_org_user', ['organizationId', 'userId', 'id'])
@Index('ix_enrollments_course', ['courseId', 'id'])
export class Enrollment extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne('Course', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'course_version_id', type: 'uuid' })
  courseVersionId!: string;

  @ManyToOne('CourseVersion', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id' })
  version?: CourseVersion;

  @Column({
    type: 'enum',
    enum: ['not_started', 'in_progress', 'completed', 'withdrawn'],
    enumName: 'enrollment_status',
    default: 'not_started',
  })
  status!: EnrollmentStatus;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'assigned_by_id', type: 'uuid', nullable: true })
  assignedById!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz', nullable: true })
  lastActivityAt!: Date | null;

  @Column({ name: 'time_spent_seconds', type: 'integer', default: 0 })
  timeSpentSeconds!: number;

  /** Share of required lessons completed, 0-100, kept current so lists and reports need no joins. */
  @Column({ type: 'integer', default: 0 })
  percent!: number;

  @Column({ name: 'renewal_of_certificate_id', type: 'uuid', nullable: true })
  renewalOfCertificateId!: string | null;
}
