export { renderCertificatePdf } from './render';
export type { RenderOptions } from './render';
export { createPdfSigner, signCertificatePdf } from './sign/pdf-signer';
export type { PdfSigner, PdfSigningMaterial } from './sign/pdf-signer';
export type { SignaturePlaceholder } from './sign/placeholder';
export type { CertificateIssuer, CertificatePdfData } from './types';
