import { Injectable, Logger } from '@nestjs/common';

export interface OrganizationAccessChangedEvent {
  organizationId: string;
  isActive: boolean;
}

type AfterCommit = (event: OrganizationAccessChangedEvent) => Promise<void>;

/**
 * Raised after an organization was deactivated or reactivated (committed), so the auth
 * module can refresh the access state of all its members at once. Handler failures are
 * logged, never thrown.
 */
@Injectable()
export class OrganizationEvents {
  private readonly logger = new Logger(OrganizationEvents.name);
  private readonly handlers: AfterCommit[] = [];

  onAccessChanged(handler: AfterCommit): void {
    this.handlers.push(handler);
  }

  async accessChanged(event: OrganizationAccessChangedEvent): Promise<void> {
    for (const handler of this.handlers) {
      try {
        await handler(event);
      } catch (e) {
        this.logger.warn(`organization.access-changed handler failed: ${(e as Error).message}`);
      }
    }
  }
}
