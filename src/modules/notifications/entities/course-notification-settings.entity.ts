import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';

/** Per-course overrides for reminders; courses without a row use the configured defaults. */
@Entity('course_notification_settings')
export class CourseNotificationSettings extends Timestamped {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'inactivity_days', type: 'int', nullable: true })
  inactivityDays!: number | null;
}
