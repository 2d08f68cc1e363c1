import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { CertificatePdfData, PdfSigner } from '@app/certificate-pdf';
import { AppConfig } from '../../config/app-config';

type PdfLibrary = typeof import('@app/certificate-pdf');

/** The issuer's PDF signing key, loaded once per process at boot (a bad key fails the boot). */
@Injectable()
export class PdfSigningService implements OnModuleInit {
  private readonly logger = new Logger(PdfSigningService.name);
  private signer?: PdfSigner;
  private pdf?: PdfLibrary;

  constructor(private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    // Only the worker renders and signs (the API imports this file for the class, never starts
    // it): the PDF writer, its fonts, QR code and the X.509 / PKCS libraries load here, so the
    // API process never holds them.
    const { loadPdfSigningMaterial } = await import('./pdf-signing-key');
    this.pdf = await import('@app/certificate-pdf');
    const material = await loadPdfSigningMaterial(this.config);
    this.signer = this.pdf.createPdfSigner(material);
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
    if (!this.signer || !this.pdf) throw new Error('PdfSigningService used before module init');
    const { renderCertificatePdf, signCertificatePdf } = this.pdf;
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
