import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type CourseStaffRole = 'owner' | 'co_instructor';

/** The instructors who may act on a course: one owner and any co-instructors. */
@Entity('course_staff')
export class CourseStaffMember {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Index('ix_course_staff_user')
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({
    type: 'enum',
    enum: ['owner', 'co_instructor'],
    enumName: 'course_staff_role',
  })
  role!: CourseStaffRole;

  @Column({ name: 'added_by_id', type: 'uuid', nullable: true })
  addedById!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
