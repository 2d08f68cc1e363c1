// Public surface of the certificates module: other modules import only from here.
export type { CertificateIssuedEvent } from './certificate-events';
export { CertificateEvents } from './certificate-events';
export { CertificatesJobsModule } from './certificates-jobs.module';
export { CertificatesModule } from './certificates.module';
