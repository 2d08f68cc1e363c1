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

  /**
   * The same with PostgreSQL's JIT compiler off for this one query (in a transaction of its own,
   * which a hot standby allows): for report queries whose cost the planner overestimates so far
   * that compiling the plan takes longer than running it.
   */
  queryWithoutJit<T>(sql: string, parameters?: unknown[]): Promise<T[]> {
    return this.withRunner(async (runner) => {
      await runner.startTransaction();
      try {
        await runner.query('SET LOCAL jit = off');
        const rows = (await runner.query(sql, parameters)) as T[];
        await runner.commitTransaction();
        return rows;
      } catch (e) {
        await runner.rollbackTransaction();
        throw e;
      }
    });
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
