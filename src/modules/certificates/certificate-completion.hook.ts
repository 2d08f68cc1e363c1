import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.enrollmentEvents.onCompleted({
      inTransaction: async (event, tx) => {
        await this.issuance.createForCompletion(event, tx);
      },
      afterCommit: async (event) => {
        const rows: { id: string }[] = await this.db.query(
          `SELECT id FROM certificates WHERE enrollment_id = $1 AND status = 'pending'`,
          [event.enrollmentId],
        );
        for (const { id } of rows) await this.producer.enqueueRender(id);
      },
    });
  }
}
