import { generateKeyPairSync } from 'node:crypto';
import { generateSelfSignedPem } from '../../src/modules/certificates/pdf-signing-key';

/**
 * Benchmarks run with NODE_ENV=production, which requires the PDF signing key and certificate
 * and the Open Badges credential key.
 */
export async function benchSigningEnv(): Promise<Record<string, string>> {
  const pem = await generateSelfSignedPem('K3 LMS Bench');
  const credentialKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return {
    PDF_SIGNING_KEY: pem,
    PDF_SIGNING_CERT: pem,
    CREDENTIAL_SIGNING_KEY: JSON.stringify(credentialKey),
  };
}
