import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Addresses that must never be mailed again (hard bounce "user unknown", manual block). */
@Entity('email_suppressions')
export class EmailSuppression {
  /** Lower-cased. */
  @PrimaryColumn({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
