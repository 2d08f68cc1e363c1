import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * - `deactivated`: is_active went to false (token version bumped);
 * - `reactivated`: is_active went back to true;
 * - `password-changed`: a new password was set (token version bumped);
 * - `deleted`: the row is being deleted (in-transaction handlers run before the delete).
 */
export type UserAccessChange = 'deactivated' | 'reactivated' | 'password-changed' | 'deleted';

export interface UserAccessChangedEvent {
  userId: string;
  changes: UserAccessChange[];
}

type InTransaction = (event: UserAccessChangedEvent, tx: EntityManager) => Promise<void>;
type AfterCommit = (event: UserAccessChangedEvent) => Promise<void>;

/** Users created without a password (admin, HR, CSV import), in the creating transaction. */
export interface UsersCreatedWithoutPasswordEvent {
  userIds: string[];
  actorId: string;
}
type CreatedInTransaction = (
  event: UsersCreatedWithoutPasswordEvent,
  tx: EntityManager,
) => Promise<void>;

/**
 * How other modules (auth: sessions, access cache) react when a user's right to sign in
 * changes, without the users module touching their tables. `inTransaction` handlers run in
 * the transaction that made the change; `afterCommit` handlers once it has committed
 * (failures there are logged, never thrown).
 */
@Injectable()
export class UserEvents {
  private readonly logger = new Logger(UserEvents.name);
  private readonly inTx: InTransaction[] = [];
  private readonly after: AfterCommit[] = [];
  private readonly createdWithoutPassword: CreatedInTransaction[] = [];

  /**
   * Runs in the transaction that inserts the users, so whatever the handler writes (an
   * invitation and its mail) commits or rolls back with them; a handler error aborts the
   * creation.
   */
  onCreatedWithoutPassword(inTransaction: CreatedInTransaction): void {
    this.createdWithoutPassword.push(inTransaction);
  }

  async createdWithoutPasswordInTransaction(
    event: UsersCreatedWithoutPasswordEvent,
    tx: EntityManager,
  ): Promise<void> {
    if (event.userIds.length === 0) return;
    for (const handler of this.createdWithoutPassword) await handler(event, tx);
  }

  onAccessChanged(handlers: { inTransaction?: InTransaction; afterCommit?: AfterCommit }): void {
    if (handlers.inTransaction) this.inTx.push(handlers.inTransaction);
    if (handlers.afterCommit) this.after.push(handlers.afterCommit);
  }

  async accessChangedInTransaction(event: UserAccessChangedEvent, tx: EntityManager) {
    for (const handler of this.inTx) await handler(event, tx);
  }

  async accessChangedAfterCommit(event: UserAccessChangedEvent): Promise<void> {
    for (const handler of this.after) {
      try {
        await handler(event);
      } catch (e) {
        this.logger.warn(
          `user.access-changed after-commit handler failed: ${(e as Error).message}`,
        );
      }
    }
  }
}
