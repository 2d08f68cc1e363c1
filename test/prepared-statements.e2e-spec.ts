import { QueryFailedError } from 'typeorm';
import { prepared, queryPrepared } from '../src/database/raw';
import { createTestContext, TestContext } from './support/test-app';

describe('queryPrepared: named prepared statements on the transaction connection', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('prepares a statement once on the transaction connection and reuses it', async () => {
    const statement = prepared('SELECT $1::int + 1 AS n');
    await ctx.db.transaction(async (tx) => {
      expect(await queryPrepared(tx, statement, [1])).toEqual([{ n: 2 }]);
      expect(await queryPrepared(tx, statement, [41])).toEqual([{ n: 42 }]);
      const named = await tx.query(
        'SELECT name, statement FROM pg_prepared_statements WHERE name = $1',
        [statement.name],
      );
      expect(named).toEqual([{ name: statement.name, statement: statement.text }]);
    });
  });

  it('runs as an ordinary query outside a transaction', async () => {
    expect(await queryPrepared(ctx.db.manager, prepared('SELECT $1::int * 2 AS n'), [21])).toEqual([
      { n: 42 },
    ]);
  });

  it('fails with QueryFailedError, as manager.query does', async () => {
    await expect(
      ctx.db.transaction((tx) => queryPrepared(tx, prepared('SELECT 1 / $1::int AS n'), [0])),
    ).rejects.toBeInstanceOf(QueryFailedError);
  });

  it('names a statement after its text', () => {
    expect(prepared('SELECT 1')).toEqual(prepared('SELECT 1'));
    expect(prepared('SELECT 1').name).not.toBe(prepared('SELECT 2').name);
  });
});
