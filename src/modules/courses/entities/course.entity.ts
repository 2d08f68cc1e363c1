import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';

/** The stable identity of a course; everything learners see lives in its versions. */
@Entity('courses')
export class Course extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_courses_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById!: string;
}
