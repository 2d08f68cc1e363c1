export { renderCertificatePdf } from './render';
export type { CertificateIssuer, CertificatePdfData } from './types';
