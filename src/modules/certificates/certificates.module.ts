import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses';
import { CertificateExportsService } from './certificate-exports.service';
import { CertificateIssuanceModule } from './certificate-issuance.module';
import { AdminCertificatesController, CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { CredentialKeys } from './credential-keys';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { VerificationController } from './verification.controller';
import { VerificationService } from './verification.service';
import { VerifyThrottle } from './verify-throttle';

/** API side: issuance hook, lifecycle, listings, downloads and public verification. */
@Module({
  imports: [CertificateIssuanceModule, CoursesModule],
  controllers: [
    CertificatesController,
    AdminCertificatesController,
    VerificationController,
    CredentialsController,
  ],
  providers: [
    CertificatesService,
    CertificateExportsService,
    VerificationService,
    VerifyThrottle,
    CredentialKeys,
    CredentialsService,
  ],
  exports: [CertificatesService],
})
export class CertificatesModule {}
