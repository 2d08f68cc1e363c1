import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { formatCertificateNumber, yearIn } from './domain/numbering';

interface Unnumbered {
  id: string;
  competency_code: string;
  completed_at: Date;
}

/**
 * Gives certificates their numbers just before the first render, in a transaction of its own
 * per batch: the certificate rows are locked first (a run that numbered one meanwhile leaves it
 * out), then each counter row in `certificate_sequences` moves once by the batch's count, so
 * it stays locked only while that short transaction lasts. Numbers stay gap-free per
 * competency and year, and earlier completions get the lower numbers.
 */
@Injectable()
export class CertificateNumbering {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The number of each certificate, in the order given (one already numbered keeps its own). */
  async assignMany(certificateIds: readonly string[]): Promise<string[]> {
    const ids = [...new Set(certificateIds)];
    const numbers = await this.db.transaction(async (tx) => {
      const unnumbered: Unnumbered[] = await tx.query(
        `SELECT id, competency_code, completed_at FROM certificates
          WHERE id = ANY($1::uuid[]) AND number IS NULL ORDER BY id FOR UPDATE`,
        [ids],
      );
      const assigned = await this.numberGroups(tx, unnumbered);
      if (assigned.size > 0) {
        await tx.query(
          `UPDATE certificates c SET number = v.number, updated_at = now()
             FROM unnest($1::uuid[], $2::text[]) AS v(id, number) WHERE c.id = v.id`,
          [[...assigned.keys()], [...assigned.values()]],
        );
      }
      const rows: { id: string; number: string | null }[] = await tx.query(
        'SELECT id, number FROM certificates WHERE id = ANY($1::uuid[])',
        [ids],
      );
      return new Map(rows.map((r) => [r.id, r.number]));
    });
    return certificateIds.map((id) => {
      const number = numbers.get(id);
      if (!number) throw new Error(`certificate ${id} has no number`);
      return number;
    });
  }

  /** One counter bump per (competency, year), taken in key order so batches cannot deadlock. */
  private async numberGroups(tx: EntityManager, certs: Unnumbered[]): Promise<Map<string, string>> {
    const groups = new Map<string, { competencyCode: string; year: number; certs: Unnumbered[] }>();
    for (const cert of certs) {
      const year = yearIn(cert.completed_at, this.config.timeZone);
      const key = `${cert.competency_code}\u0000${year}`;
      const group = groups.get(key) ?? { competencyCode: cert.competency_code, year, certs: [] };
      group.certs.push(cert);
      groups.set(key, group);
    }
    const assigned = new Map<string, string>();
    for (const key of [...groups.keys()].sort()) {
      const { competencyCode, year, certs: members } = groups.get(key)!;
      const [{ last_value: last }]: { last_value: number }[] = await tx.query(
        `INSERT INTO certificate_sequences (competency_code, year, last_value) VALUES ($1, $2, $3)
         ON CONFLICT (competency_code, year)
         DO UPDATE SET last_value = certificate_sequences.last_value + EXCLUDED.last_value
         RETURNING last_value`,
        [competencyCode, year, members.length],
      );
      members.sort(
        (a, b) => a.completed_at.getTime() - b.completed_at.getTime() || a.id.localeCompare(b.id),
      );
      members.forEach((cert, i) => {
        const sequence = last - members.length + 1 + i;
        assigned.set(
          cert.id,
          formatCertificateNumber(this.config.certificateNumberPattern, {
            competencyCode,
            year,
            sequence,
          }),
        );
      });
    }
    return assigned;
  }
}
