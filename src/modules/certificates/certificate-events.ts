import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface CertificateIssuedEvent {
  certificateId: string;
  userId: string;
  organizationId: string | null;
  number: string;
  verificationCode: string;
}

type IssuedHandler = (events: CertificateIssuedEvent[], tx: EntityManager) => Promise<void>;

/**
 * Issue hook: handlers run inside the transaction that marks the certificate `issued` (the
 * notifications module writes the "certificate issued" e-mail to its outbox there), so a worker
 * killed right after the commit cannot lose what follows an issue. A failing handler rolls the
 * issue back and the render job is retried.
 */
@Injectable()
export class CertificateEvents {
  private readonly issuedHandlers: IssuedHandler[] = [];

  onIssued(handler: IssuedHandler): void {
    this.issuedHandlers.push(handler);
  }

  /** The certificates one transaction issued, together (a render batch). */
  async issuedInTransaction(events: CertificateIssuedEvent[], tx: EntityManager): Promise<void> {
    for (const handler of this.issuedHandlers) await handler(events, tx);
  }
}
