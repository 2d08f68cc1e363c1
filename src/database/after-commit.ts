import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
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
 *   released savepoint is not a commit), before the `transaction()` call returns, in the order
 *   scheduled; a rollback drops it.
 * - Outside a transaction (no `tx`, or `tx` not in one): it runs at once.
 * - A failing task is logged and never fails the caller; the next task still runs. Work
 *   scheduled here must be recoverable (a sweeper re-enqueues what a lost task left pending).
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(AfterCommit.name);
  private readonly pending = new WeakMap<QueryRunner, AfterCommitTask[]>();

  constructor(@InjectDataSource() private readonly dataSource: Pick<DataSource, 'subscribers'>) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
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

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const tasks = this.pending.get(runner);
    this.pending.delete(runner);
    if (tasks) await this.run(tasks);
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
