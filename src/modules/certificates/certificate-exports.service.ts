import { PassThrough, Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReportingReader } from '../../database/reporting-reader';
import type { BlobStorage } from '@app/storage';
import { AuthUser } from '../../common/auth/roles';
import { AppConfig } from '../../config/app-config';
import { InjectBlobStorage } from '../storage';
import { applyFilters, scopeTo } from './certificate-scope';
import { pdfFileName } from './certificates.service';
import { effectiveStatus } from './domain/certificate-status';
import { csvLine } from '../../common/csv/write-csv';
import { xlsxStream } from '../../common/xlsx/xlsx-stream';
import { ZipWriter } from '../../common/zip/zip-writer';
import { CertificateFilterDto } from './dto/certificate.dto';
import { Certificate, CertificateStatus } from './entities/certificate.entity';

const BATCH = 200;

interface ExportRow {
  id: string;
  /** Text keeps Postgres' microseconds; a JS Date would round them off and skip rows. */
  cursor_at: string;
  number: string | null;
  version: number;
  status: CertificateStatus;
  learner_name: string;
  learner_id_kind: string | null;
  learner_id_value: string | null;
  employee_id: string | null;
  course_title_id: string;
  competency_code: string;
  jp_hours: number;
  completed_at: Date;
  issued_at: Date | null;
  expires_at: Date | null;
  revoked_reason: string | null;
  storage_key: string | null;
  sha256: string | null;
  verification_code: string;
}

const REGISTER_HEADER = [
  'number',
  'version',
  'status',
  'learner_name',
  'employee_id',
  'nik',
  'course',
  'competency_code',
  'jp_hours',
  'completed_at',
  'issued_at',
  'expires_at',
  'revoked_reason',
  'verify_url',
  'sha256',
];

/**
 * HR / admin bulk downloads. Rows are read in keyset batches and written as they come, so
 * memory stays flat whatever the count; `isAborted` (client gone) stops reading rows.
 */
@Injectable()
export class CertificateExportsService {
  private readonly logger = new Logger(CertificateExportsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reads: ReportingReader,
    @InjectBlobStorage() private readonly storage: BlobStorage,
    private readonly config: AppConfig,
  ) {}

  /** STORE-mode ZIP (PDFs do not compress), one source file open at a time. */
  zip(filter: CertificateFilterDto, actor: AuthUser, signal: AbortSignal): Readable {
    const zip = new ZipWriter();
    signal.addEventListener('abort', () => zip.output.destroy(), { once: true });
    const names = new Set<string>();
    const run = async () => {
      for await (const row of this.rows(filter, actor, signal, true)) {
        if (!row.storage_key) continue;
        let name = pdfFileName({
          id: row.id,
          number: row.number,
          version: row.version,
          learnerName: row.learner_name,
        });
        if (names.has(name)) name = name.replace(/\.pdf$/, ` (${row.id.slice(0, 8)}).pdf`);
        names.add(name);
        const key = row.storage_key;
        await zip.addStream(name, () => this.storage.stream(key), {
          compress: false,
          mtime: row.issued_at ?? row.completed_at,
        });
      }
      if (!signal.aborted) zip.end();
    };
    run().catch((e: Error) => {
      if (!signal.aborted) this.logger.error(`certificate ZIP failed: ${e.message}`);
      zip.output.destroy(signal.aborted ? undefined : e);
    });
    return zip.output;
  }

  csv(filter: CertificateFilterDto, actor: AuthUser, signal: AbortSignal): Readable {
    const out = new PassThrough();
    const run = async () => {
      out.write(`\uFEFF${csvLine(REGISTER_HEADER)}`);
      for await (const row of this.rows(filter, actor, signal, false)) {
        if (!out.write(csvLine(this.registerValues(row)))) {
          await new Promise((resolve) => out.once('drain', resolve));
        }
      }
      out.end();
    };
    run().catch((e: Error) => out.destroy(e));
    return out;
  }

  xlsx(filter: CertificateFilterDto, actor: AuthUser, signal: AbortSignal): Readable {
    const rows = this.rows(filter, actor, signal, false);
    const registerValues = (row: ExportRow) => this.registerValues(row);
    async function* batches() {
      let batch: ReturnType<typeof registerValues>[] = [];
      for await (const row of rows) {
        batch.push(registerValues(row));
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    }
    return xlsxStream('Certificates', REGISTER_HEADER, batches());
  }

  private registerValues(row: ExportRow): (string | number | null)[] {
    const now = new Date();
    return [
      row.number,
      row.version,
      effectiveStatus({ status: row.status, expiresAt: row.expires_at }, now),
      row.learner_name,
      row.employee_id ?? (row.learner_id_kind === 'employee_id' ? row.learner_id_value : null),
      row.learner_id_kind === 'nik' ? row.learner_id_value : null,
      row.course_title_id,
      row.competency_code,
      row.jp_hours,
      row.completed_at.toISOString(),
      row.issued_at?.toISOString() ?? null,
      row.expires_at?.toISOString() ?? null,
      row.revoked_reason,
      `${this.config.publicBaseUrl}/verify/${row.verification_code}`,
      row.sha256,
    ];
  }

  private async *rows(
    filter: CertificateFilterDto,
    actor: AuthUser,
    signal: AbortSignal,
    storedOnly: boolean,
  ): AsyncGenerator<ExportRow> {
    let after: [string, string] | null = null;
    while (!signal.aborted) {
      const qb = this.db
        .getRepository(Certificate)
        .createQueryBuilder('c')
        .select([
          'c.id AS id',
          'c.created_at::text AS cursor_at',
          'c.number AS number',
          'c.version AS version',
          'c.status AS status',
          'c.learner_name AS learner_name',
          'c.learner_id_kind AS learner_id_kind',
          'c.learner_id_value AS learner_id_value',
          'holder.employee_id AS employee_id',
          'c.course_title_id AS course_title_id',
          'c.competency_code AS competency_code',
          'c.jp_hours AS jp_hours',
          'c.completed_at AS completed_at',
          'c.issued_at AS issued_at',
          'c.expires_at AS expires_at',
          'c.revoked_reason AS revoked_reason',
          'c.storage_key AS storage_key',
          'c.sha256 AS sha256',
          'c.verification_code AS verification_code',
        ])
        // The employee id HR knows the person by today; the NIK as printed on the certificate.
        .leftJoin('users', 'holder', 'holder.id = c.user_id')
        .orderBy('c.created_at', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .limit(BATCH);
      scopeTo(qb, actor);
      applyFilters(qb, filter, actor);
      if (storedOnly) qb.andWhere('c.storage_key IS NOT NULL');
      if (after)
        qb.andWhere('(c.created_at, c.id) < (:at::timestamptz, :afterId)', {
          at: after[0],
          afterId: after[1],
        });
      const batch = await this.reads.withRunner((runner) =>
        qb.setQueryRunner(runner).getRawMany<ExportRow>(),
      );
      for (const row of batch) {
        if (signal.aborted) return;
        yield row;
      }
      if (batch.length < BATCH) return;
      const last = batch[batch.length - 1];
      after = [last.cursor_at, last.id];
    }
  }
}
