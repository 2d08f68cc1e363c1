import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import {
  createPdfSigner,
  PdfSigner,
  renderCertificatePdf,
  signCertificatePdf,
  type CertificatePdfData,
} from '@app/certificate-pdf';
import { AppConfig } from '../../config/app-config';
import { loadPdfSigningMaterial } from './pdf-signing-key';

/** The issuer's PDF signing key, loaded once per process at boot (a bad key fails the boot). */
@Injectable()
export class PdfSigningService implements OnModuleInit {
  private readonly logger = new Logger(PdfSigningService.name);
  private signer?: PdfSigner;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    const material = await loadPdfSigningMaterial(this.config);
    this.signer = createPdfSigner(material);
    const source = this.config.pdfSigning.p12
      ? 'PDF_SIGNING_P12'
      : this.config.pdfSigning.key
        ? 'PDF_SIGNING_KEY'
        : 'a generated development certificate';
    this.logger.log(
      `signing certificate PDFs as ${this.signer.subject.replace(/\n/g, ', ')} (${source})`,
    );
    const daysLeft = (this.signer.notAfter.getTime() - Date.now()) / 86_400_000;
    if (daysLeft < 30) {
      this.logger.warn(
        `the PDF signing certificate expires ${this.signer.notAfter.toISOString()}: rotate it (docs/operations.md)`,
      );
    }
  }

  /** Renders with a signature placeholder and signs; `/M` is the issue time. */
  renderSigned(data: CertificatePdfData): { pdf: Buffer; signerSubject: string } {
    if (!this.signer) throw new Error('PdfSigningService used before module init');
    const unsigned = renderCertificatePdf(data, {
      signature: {
        reservedBytes: this.signer.reservedBytes,
        signingTime: data.issuedAt,
        signerName: data.issuer.organizationName,
      },
    });
    return { pdf: signCertificatePdf(unsigned, this.signer), signerSubject: this.signer.subject };
  }
}
