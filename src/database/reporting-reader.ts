import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';

/**
 * Reads that may trail the primary by the replication lag (reports, exports, compliance): on
 * the read replica when DATABASE_READ_URL configures one, on the primary otherwise. Nothing that
 * writes, or that must see the request's own writes, goes through here.
 */
@Injectable()
export class ReportingReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  query<T>(sql: string, parameters?: unknown[]): Promise<T[]> {
    return this.withRunner((runner) => runner.query(sql, parameters) as Promise<T[]>);
  }

  /** One replica connection for several statements or a stream; released when `work` settles. */
  async withRunner<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  }
}
