import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
// Another module's entity is named by string in the relation and imported as a type only, so
// loading this entity (migrations, the TypeORM CLI) never loads that module's services.
import type { Lesson } from '../../courses';
import { Enrollment } from './enrollment.entity';

export type LessonProgressStatus = 'in_progress' | 'completed';

@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryColumn({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id' })
  enrollment?: Enrollment;

  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId!: string;

  @ManyToOne('Lesson', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @Column({
    type: 'enum',
    enum: ['in_progress', 'completed'],
    enumName: 'lesson_progress_status',
    default: 'in_progress',
  })
  status!: LessonProgressStatus;

  @Column({ name: 'time_spent_seconds', type: 'integer', default: 0 })
  timeSpentSeconds!: number;

  @Column({ name: 'last_heartbeat_at', type: 'timestamptz', nullable: true })
  lastHeartbeatAt!: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
