import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../../database/timestamps';

@Entity('organizations')
export class Organization extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('uq_organizations_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;
}
