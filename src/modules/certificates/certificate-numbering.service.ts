import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { formatCertificateNumber, yearIn } from './domain/numbering';

interface Unnumbered {
  id: string;
  competency_code: string;
  completed_at: Date;
}

/**
 * Gives certificates their numbers just before the first render, inside the render's claim
 * transaction, whose UPDATE has locked the certificate rows (a run that numbered one meanwhile
 * leaves it out). Each counter row in `certificate_sequences` moves once per batch, by the
 * batch's count, and stays locked only until that short transaction commits; a rollback gives
 * the numbers back. Numbers stay gap-free per competency and year, and earlier completions get
 * the lower numbers.
 */
@Injectable()
export class CertificateNumbering {
  constructor(private readonly config: AppConfig) {}

  /** `certs` are locked by the caller's transaction and still unnumbered. */
  async numberWithin(tx: EntityManager, certs: Unnumbered[]): Promise<void> {
    if (certs.length === 0) return;
    const assigned = await this.numberGroups(tx, certs);
    await tx.query(
      `UPDATE certificates c SET number = v.number, updated_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(id, number) WHERE c.id = v.id`,
      [[...assigned.keys()], [...assigned.values()]],
    );
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
