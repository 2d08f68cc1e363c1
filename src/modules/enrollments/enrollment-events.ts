import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface EnrollmentCompletedEvent {
  enrollmentId: string;
  userId: string;
  organizationId: string | null;
  courseId: string;
  courseVersionId: string;
  completedAt: Date;
  /** Set when this enrollment renews an earlier certificate. */
  renewalOfCertificateId: string | null;
}

export interface EnrollmentsAssignedEvent {
  enrollmentIds: string[];
  assignedById: string;
  organizationId: string;
}

type InTransaction<E> = (event: E, tx: EntityManager) => Promise<void>;
type AfterCommit<E> = (event: E) => Promise<void>;

/**
 * How other modules react to enrollment changes without reaching into enrollment tables.
 * `inTransaction` handlers run inside the transaction that made the change (so their rows
 * commit or roll back with it); `afterCommit` handlers run once it has committed (enqueue
 * jobs there — a lost enqueue is recovered by the owning module's sweeper).
 */
@Injectable()
export class EnrollmentEvents {
  private readonly logger = new Logger(EnrollmentEvents.name);
  private readonly completedInTx: InTransaction<EnrollmentCompletedEvent>[] = [];
  private readonly completedAfter: AfterCommit<EnrollmentCompletedEvent>[] = [];
  private readonly assignedInTx: InTransaction<EnrollmentsAssignedEvent>[] = [];
  private readonly assignedAfter: AfterCommit<EnrollmentsAssignedEvent>[] = [];

  onCompleted(handlers: {
    inTransaction?: InTransaction<EnrollmentCompletedEvent>;
    afterCommit?: AfterCommit<EnrollmentCompletedEvent>;
  }): void {
    if (handlers.inTransaction) this.completedInTx.push(handlers.inTransaction);
    if (handlers.afterCommit) this.completedAfter.push(handlers.afterCommit);
  }

  onAssigned(handlers: {
    inTransaction?: InTransaction<EnrollmentsAssignedEvent>;
    afterCommit?: AfterCommit<EnrollmentsAssignedEvent>;
  }): void {
    if (handlers.inTransaction) this.assignedInTx.push(handlers.inTransaction);
    if (handlers.afterCommit) this.assignedAfter.push(handlers.afterCommit);
  }

  /** Call inside the completing transaction. */
  async completedInTransaction(event: EnrollmentCompletedEvent, tx: EntityManager): Promise<void> {
    for (const handler of this.completedInTx) await handler(event, tx);
  }

  /** Call after commit; failures are logged, never thrown (sweepers recover). */
  async completedAfterCommit(event: EnrollmentCompletedEvent): Promise<void> {
    await this.runAfterCommit(this.completedAfter, event, 'enrollment.completed');
  }

  async assignedInTransaction(event: EnrollmentsAssignedEvent, tx: EntityManager): Promise<void> {
    for (const handler of this.assignedInTx) await handler(event, tx);
  }

  async assignedAfterCommit(event: EnrollmentsAssignedEvent): Promise<void> {
    await this.runAfterCommit(this.assignedAfter, event, 'enrollments.assigned');
  }

  private async runAfterCommit<E>(
    handlers: AfterCommit<E>[],
    event: E,
    name: string,
  ): Promise<void> {
    for (const handler of handlers) {
      try {
        await handler(event);
      } catch (e) {
        this.logger.warn(`${name} after-commit handler failed: ${(e as Error).message}`);
      }
    }
  }
}
