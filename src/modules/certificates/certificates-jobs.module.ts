import { Module } from '@nestjs/common';
import { CertificateEvents } from './certificate-events';
import { CertificateIssuanceModule } from './certificate-issuance.module';
import { CertificateNumbering } from './certificate-numbering.service';
import { CertificateRenderService } from './certificate-render.service';
import { CertificateSweeper } from './certificate-sweeper';
import { CertificatesProcessor } from './jobs/certificates.processor';
import { PdfSigningService } from './pdf-signing.service';

/**
 * Worker side: the render processor, the pending sweeper and the after-issue hook
 * (`CertificateEvents.onIssued`; subscribe by importing this module in a worker module).
 */
@Module({
  imports: [CertificateIssuanceModule],
  providers: [
    CertificateEvents,
    CertificateRenderService,
    CertificateNumbering,
    CertificateSweeper,
    CertificatesProcessor,
    PdfSigningService,
  ],
  exports: [CertificateEvents, CertificateRenderService, CertificateSweeper],
})
export class CertificatesJobsModule {}
