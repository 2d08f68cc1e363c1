import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

export type AfterCommitTask = () => Promise<unknown>;

/**
 * The one way to run work (enqueue a job, publish an event) once a transaction has committed.
 *
 * - Inside a transaction: the task runs after the outermost COMMIT of `tx`'s connection (a
 *   released savepoint is not a commit); a rollback drops it. It starts on the next turn of
 *   the event loop, once the committing connection is back in the pool, so a task that queries
 *   cannot wait for a connection held by the very commit it follows. The `transaction()` call
 *   does not wait for it; tasks of one transaction run in the order scheduled.
 * - Outside a transaction (no `tx`, or `tx` not in one): it runs at once and is awaited.
 * - A failing task is logged, never thrown to the caller; the next task still runs. Work
 *   scheduled here must be recoverable (a sweeper re-enqueues what a lost task left pending).
 * - Shutdown waits for tasks already started.
 */
@Injectable()
export class AfterCommit
  implements OnModuleInit, BeforeApplicationShutdown, EntitySubscriberInterface
{
  private readonly logger = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<QueryRunner, AfterCommitTask[]>();
  private readonly running = new Set<Promise<void>>();

  constructor(@InjectDataSource() private readonly dataSource: Pick<DataSource, 'subscribers'>) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  async schedule(tx: EntityManager | undefined, task: AfterCommitTask): Promise<void> {
    const runner = tx?.queryRunner;
    if (!runner?.isTransactionActive) {
      await this.run([task]);
      return;
    }
    const tasks = this.pending.get(runner) ?? [];
    tasks.push(task);
    this.pending.set(runner, tasks);
  }

  /** Resolves once every task started so far has finished. */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const tasks = this.pending.get(runner);
    this.pending.delete(runner);
    if (!tasks) return;
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.run(tasks),
    );
    this.running.add(started);
    void started.finally(() => this.running.delete(started));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  private async run(tasks: AfterCommitTask[]): Promise<void> {
    for (const task of tasks) {
      try {
        await task();
      } catch (e) {
        this.logger.warn(`after-commit task failed: ${(e as Error).message}`);
      }
    }
  }
}
