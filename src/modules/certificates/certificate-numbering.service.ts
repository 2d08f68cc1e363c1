import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/raw';
import { formatCertificateNumber, yearIn } from './domain/numbering';

interface Unnumbered {
  id: string;
  competencyCode: string;
  completedAt: Date;
}

/**
 * Gives a certificate its number just before the first render, in a transaction of its own:
 * the counter row in `certificate_sequences` stays locked only while that transaction lasts,
 * and a run that loses the race to number the same certificate rolls back, giving the number
 * back. Numbers stay gap-free per competency and year.
 */
@Injectable()
export class CertificateNumbering {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async assign(cert: Unnumbered): Promise<string> {
    const year = yearIn(cert.completedAt, this.config.timeZone);
    const assigned = await this.db
      .transaction(async (tx) => {
        const rows: { last_value: number }[] = await tx.query(
          `INSERT INTO certificate_sequences (competency_code, year, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (competency_code, year)
         DO UPDATE SET last_value = certificate_sequences.last_value + 1
         RETURNING last_value`,
          [cert.competencyCode, year],
        );
        const number = formatCertificateNumber(this.config.certificateNumberPattern, {
          competencyCode: cert.competencyCode,
          year,
          sequence: rows[0].last_value,
        });
        const updated = returnedRows<{ id: string }>(
          await tx.query(
            `UPDATE certificates SET number = $2, updated_at = now()
           WHERE id = $1 AND number IS NULL RETURNING id`,
            [cert.id, number],
          ),
        );
        if (updated.length === 0) throw new AlreadyNumbered();
        return number;
      })
      .catch((e: unknown) => {
        if (e instanceof AlreadyNumbered) return null;
        throw e;
      });
    if (assigned) return assigned;
    const [row] = (await this.db.query('SELECT number FROM certificates WHERE id = $1', [
      cert.id,
    ])) as { number: string }[];
    return row.number;
  }
}

/** Rolls the numbering transaction back: a concurrent run numbered the certificate first. */
class AlreadyNumbered extends Error {}
