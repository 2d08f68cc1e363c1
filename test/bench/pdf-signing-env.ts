import { generateSelfSignedPem } from '../../src/modules/certificates/pdf-signing-key';

/** Benchmarks run with NODE_ENV=production, which requires a configured PDF signing key. */
export async function benchPdfSigningEnv(): Promise<Record<string, string>> {
  const pem = await generateSelfSignedPem('K3 LMS Bench');
  return { PDF_SIGNING_KEY: pem, PDF_SIGNING_CERT: pem };
}
