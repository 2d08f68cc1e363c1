import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

type Callback = () => Promise<void>;

/**
 * Runs callbacks once the transaction of a given EntityManager commits (dropped on rollback).
 * Registered as a TypeORM subscriber, so callers need not remember to call anything after commit.
 */
@Injectable()
export class AfterCommit implements OnModuleInit, EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Callback[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** Runs `callback` after tx commits; immediately when tx is not inside a transaction. */
  async schedule(tx: EntityManager | undefined, callback: Callback): Promise<void> {
    const runner = tx?.queryRunner;
    if (!runner || !runner.isTransactionActive) {
      await callback();
      return;
    }
    const list = this.pending.get(runner) ?? [];
    list.push(callback);
    this.pending.set(runner, list);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const callbacks = this.pending.get(event.queryRunner);
    if (!callbacks || event.queryRunner.isTransactionActive) return;
    this.pending.delete(event.queryRunner);
    for (const callback of callbacks) {
      // A lost enqueue is recovered by the outbox sweeper; never fail the caller's commit path.
      await callback().catch(() => undefined);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}
