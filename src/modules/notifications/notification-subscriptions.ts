import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CertificateEvents } from '../certificates';
import { EnrollmentEvents } from '../enrollments';
import { NotificationsService } from './notifications.service';

/**
 * Subscribes to the events other modules publish. Looked up (not imported as modules) so this
 * module boots whether or not the publishing modules are wired into the same process.
 */
@Injectable()
export class NotificationSubscriptions implements OnModuleInit {
  private readonly logger = new Logger(NotificationSubscriptions.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    const enrollments = this.find(EnrollmentEvents);
    enrollments?.onAssigned({
      inTransaction: (event, tx) => this.notifications.insertEnrolledByHr(event.enrollmentIds, tx),
      afterCommit: (event) => this.notifications.dispatchEnrolledByHr(event.enrollmentIds),
    });
    const certificates = this.find(CertificateEvents);
    certificates?.onIssued(async (event) => {
      await this.notifications.certificateIssued(event.certificateId);
    });
  }

  private find<T>(type: new (...args: never[]) => T): T | null {
    try {
      return this.moduleRef.get(type, { strict: false });
    } catch {
      this.logger.debug(`${type.name} is not provided in this process; not subscribing`);
      return null;
    }
  }
}
