import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../../../common/auth/roles';
import { Timestamped } from '../../../database/timestamps';
// Another module's entity is named by string in the relation and imported as a type only, so
// loading this entity (migrations, the TypeORM CLI) never loads that module's services.
import type { Organization } from '../../organizations';

@Entity('users')
@Index('uq_users_org_employee_id', ['organizationId', 'employeeId'], {
  unique: true,
  where: 'employee_id IS NOT NULL',
})
@Index('ix_users_org_created', ['organizationId', 'createdAt', 'id'])
export class User extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique across the platform. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @ManyToOne('Organization', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Organization;

  @Column({ name: 'employee_id', type: 'varchar', length: 64, nullable: true })
  employeeId!: string | null;

  /** Indonesian national identity number (16 digits), optional. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  nik!: string | null;

  @Column({ type: 'varchar', length: 2, default: 'id' })
  locale!: 'id' | 'en';

  @Column({ name: 'time_zone', type: 'varchar', length: 64, default: 'Asia/Jakarta' })
  timeZone!: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive!: boolean;

  /** Access tokens carry this; bumped on deactivation and password change to end them all. */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion!: number;
}
