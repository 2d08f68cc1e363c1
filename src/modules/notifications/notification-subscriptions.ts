import { Injectable, OnModuleInit } from '@nestjs/common';
import { CertificateEvents } from '../certificates';
import { EnrollmentEvents } from '../enrollments';
import { NotificationsService } from './notifications.service';

/** "Enrolled by HR" mails: in the API and the worker, wherever enrollments are assigned. */
@Injectable()
export class NotificationSubscriptions implements OnModuleInit {
  constructor(
    private readonly enrollments: EnrollmentEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.enrollments.onAssigned({
      inTransaction: (event, tx) => this.notifications.insertEnrolledByHr(event.enrollmentIds, tx),
      afterCommit: (event) => this.notifications.dispatchEnrolledByHr(event.enrollmentIds),
    });
  }
}

/** "Certificate issued" mail: worker only, where certificates are rendered and issued. */
@Injectable()
export class CertificateIssuedSubscription implements OnModuleInit {
  constructor(
    private readonly certificates: CertificateEvents,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.certificates.onIssued(async (events, tx) => {
      await this.notifications.certificatesIssued(
        events.map((e) => e.certificateId),
        tx,
      );
    });
  }
}
