import { Module } from '@nestjs/common';
import { CoursesCoreModule } from '../courses';
import { EnrollmentsCoreModule } from '../enrollments';
import { CertificateCompletionHook } from './certificate-completion.hook';
import { CertificateIssuanceService } from './certificate-issuance.service';
import { CertificateQueue } from './certificate-queue';

/**
 * Shared by the API and the worker: whichever process completes an enrollment (an HTTP call,
 * a quiz auto-submit job) creates the certificate. Loaded once per process, so one subscription.
 */
@Module({
  imports: [CoursesCoreModule, EnrollmentsCoreModule],
  providers: [CertificateIssuanceService, CertificateQueue, CertificateCompletionHook],
  exports: [CertificateIssuanceService, CertificateQueue, EnrollmentsCoreModule],
})
export class CertificateIssuanceModule {}
