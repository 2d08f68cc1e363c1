import { Injectable, OnModuleInit } from '@nestjs/common';
import { AfterCommit } from '../../database/after-commit';
import { EnrollmentEvents } from '../enrollments';
import { CertificateIssuanceService } from './certificate-issuance.service';
import { CertificateQueue } from './certificate-queue';

/** enrollment.completed -> pending certificate in the same transaction, render job after commit. */
@Injectable()
export class CertificateCompletionHook implements OnModuleInit {
  constructor(
    private readonly enrollmentEvents: EnrollmentEvents,
    private readonly issuance: CertificateIssuanceService,
    private readonly producer: CertificateQueue,
    private readonly afterCommit: AfterCommit,
  ) {}

  onModuleInit(): void {
    this.enrollmentEvents.onCompleted({
      inTransaction: async (event, tx) => {
        const id = await this.issuance.createForCompletion(event, tx);
        if (id) await this.afterCommit.schedule(tx, () => this.producer.enqueueRender(id));
      },
    });
  }
}
