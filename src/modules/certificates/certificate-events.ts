import { Injectable, Logger } from '@nestjs/common';

export interface CertificateIssuedEvent {
  certificateId: string;
  userId: string;
  organizationId: string | null;
  number: string;
  verificationCode: string;
}

type IssuedHandler = (event: CertificateIssuedEvent) => Promise<void>;

/**
 * After-issue hook: handlers run once the row is committed as `issued` (the notifications
 * module queues the "certificate issued" e-mail here). Failures are logged, never thrown:
 * the certificate is issued whatever a subscriber does.
 */
@Injectable()
export class CertificateEvents {
  private readonly logger = new Logger(CertificateEvents.name);
  private readonly issuedHandlers: IssuedHandler[] = [];

  onIssued(handler: IssuedHandler): void {
    this.issuedHandlers.push(handler);
  }

  async issued(event: CertificateIssuedEvent): Promise<void> {
    for (const handler of this.issuedHandlers) {
      try {
        await handler(event);
      } catch (e) {
        this.logger.warn(`certificate.issued handler failed: ${(e as Error).message}`);
      }
    }
  }
}
