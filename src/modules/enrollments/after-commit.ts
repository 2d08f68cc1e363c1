import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

type Task = () => Promise<void>;

/**
 * Runs work once the transaction a manager belongs to has committed (dropped on rollback),
 * whether this module opened that transaction or a caller (e.g. quizzes) passed it in.
 */
@Injectable()
export class AfterCommit implements OnModuleInit {
  private readonly pending = new WeakMap<QueryRunner, Task[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event) => this.flush(event.queryRunner),
      afterTransactionRollback: (event) => {
        this.pending.delete(event.queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  schedule(tx: EntityManager, task: Task): void {
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) {
      void task();
      return;
    }
    const tasks = this.pending.get(runner) ?? [];
    tasks.push(task);
    this.pending.set(runner, tasks);
  }

  private flush(runner: QueryRunner): void {
    const tasks = this.pending.get(runner);
    this.pending.delete(runner);
    for (const task of tasks ?? []) void task();
  }
}
