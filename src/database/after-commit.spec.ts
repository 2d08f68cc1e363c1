import { Logger } from '@nestjs/common';
import type { EntityManager, QueryRunner, TransactionCommitEvent } from 'typeorm';
import { AfterCommit } from './after-commit';

/**
 * A query runner as TypeORM drives it: depth counts nested transactions (savepoints), and the
 * commit/rollback events fire after each level, as PostgresQueryRunner broadcasts them.
 */
class FakeRunner {
  depth = 0;
  constructor(private readonly helper: AfterCommit) {}
  get isTransactionActive() {
    return this.depth > 0;
  }
  readonly manager = { queryRunner: this } as unknown as EntityManager;
  begin() {
    this.depth += 1;
  }
  commit() {
    this.depth -= 1;
    this.helper.afterTransactionCommit(this.event());
  }
  rollback() {
    this.depth -= 1;
    this.helper.afterTransactionRollback(this.event());
  }
  private event() {
    return { queryRunner: this as unknown as QueryRunner } as TransactionCommitEvent;
  }
}

describe('AfterCommit', () => {
  let helper: AfterCommit;
  let runner: FakeRunner;
  let ran: string[];
  const task = (name: string) => async () => {
    ran.push(name);
  };

  beforeEach(() => {
    helper = new AfterCommit({ subscribers: [] });
    runner = new FakeRunner(helper);
    ran = [];
  });
  afterEach(() => jest.restoreAllMocks());

  it('registers itself once as a TypeORM subscriber', () => {
    const dataSource = { subscribers: [] as unknown[] };
    const h = new AfterCommit(dataSource as never);
    h.onModuleInit();
    h.onModuleInit();
    expect(dataSource.subscribers).toEqual([h]);
  });

  it('runs tasks after the commit, in order, not before', async () => {
    runner.begin();
    await helper.schedule(runner.manager, task('a'));
    await helper.schedule(runner.manager, task('b'));
    expect(ran).toEqual([]);
    runner.commit();
    // Not inside the commit call: the committing connection is released first.
    expect(ran).toEqual([]);
    await helper.settled();
    expect(ran).toEqual(['a', 'b']);
  });

  it('a slow task does not hold up the commit, and shutdown waits for it', async () => {
    let finish!: () => void;
    runner.begin();
    await helper.schedule(runner.manager, () => new Promise<void>((r) => (finish = r)));
    await helper.schedule(runner.manager, task('after slow'));
    runner.commit();
    await new Promise((r) => setImmediate(r));
    expect(ran).toEqual([]);
    const shutdown = helper.beforeApplicationShutdown();
    finish();
    await shutdown;
    expect(ran).toEqual(['after slow']);
  });

  it('waits for the outermost commit: a released savepoint is not a commit', async () => {
    runner.begin();
    runner.begin();
    await helper.schedule(runner.manager, task('inner'));
    runner.commit();
    await helper.settled();
    expect(ran).toEqual([]);
    runner.commit();
    await helper.settled();
    expect(ran).toEqual(['inner']);
  });

  it('never runs a task whose transaction rolled back', async () => {
    runner.begin();
    await helper.schedule(runner.manager, task('lost'));
    runner.rollback();
    runner.begin();
    runner.commit();
    await helper.settled();
    expect(ran).toEqual([]);
  });

  it('runs at once outside a transaction', async () => {
    await helper.schedule(undefined, task('now'));
    await helper.schedule(runner.manager, task('no tx'));
    expect(ran).toEqual(['now', 'no tx']);
  });

  it('logs a failing task, runs the next one and never throws to the caller', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    runner.begin();
    await helper.schedule(runner.manager, async () => {
      throw new Error('redis down');
    });
    await helper.schedule(runner.manager, task('next'));
    expect(() => runner.commit()).not.toThrow();
    await expect(helper.settled()).resolves.toBeUndefined();
    expect(ran).toEqual(['next']);
    await expect(
      helper.schedule(undefined, () => Promise.reject(new Error('outside'))),
    ).resolves.toBeUndefined();
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'after-commit task failed: redis down',
      'after-commit task failed: outside',
    ]);
  });
});
