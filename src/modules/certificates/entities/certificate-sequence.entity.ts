import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Gap-free number counter per competency per year; incremented inside the issuing transaction. */
@Entity('certificate_sequences')
export class CertificateSequence {
  @PrimaryColumn({ name: 'competency_code', type: 'varchar', length: 32 })
  competencyCode!: string;

  @PrimaryColumn({ type: 'int' })
  year!: number;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}
