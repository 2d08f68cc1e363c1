import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPdfSigner,
  PdfSigningMaterial,
  renderCertificatePdf,
  signCertificatePdf,
} from '@app/certificate-pdf';
import { sampleCertificate } from '@app/certificate-pdf/testing/fixtures';
import { AppConfig } from '../../config/app-config';
import { developmentPem, loadPdfSigningMaterial } from './pdf-signing-key';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-key-'));
  // openssl, not our code, makes the configured keys: a P-256 PEM pair, and an RSA-2048 pair
  // wrapped in a PKCS#12 file with openssl 3's defaults (PBES2, AES-256, SHA-256 MAC).
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  ssl(
    'req',
    '-x509',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ec.key',
    '-out',
    'ec.crt',
    '-days',
    '30',
    '-subj',
    '/CN=PEM Issuer/O=PT PEM',
  );
  ssl(
    'req',
    '-x509',
    '-new',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'rsa.key',
    '-out',
    'rsa.crt',
    '-days',
    '30',
    '-subj',
    '/CN=P12 Issuer/O=PT P12',
  );
  ssl(
    'pkcs12',
    '-export',
    '-inkey',
    'rsa.key',
    '-in',
    'rsa.crt',
    '-out',
    'rsa.p12',
    '-passout',
    'pass:rahasia',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function config(env: Record<string, string>): AppConfig {
  return AppConfig.fromEnv({
    DATABASE_URL: 'postgres://u@h/db',
    REDIS_URL: 'redis://127.0.0.1:6379',
    NODE_ENV: 'test',
    ...env,
  });
}

function pdfsigOutput(material: PdfSigningMaterial): string {
  const signer = createPdfSigner(material);
  const data = sampleCertificate();
  const pdf = signCertificatePdf(
    renderCertificatePdf(data, {
      signature: { reservedBytes: signer.reservedBytes, signingTime: data.issuedAt },
    }),
    signer,
  );
  const file = join(dir, `signed-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' }).stdout;
}

describe('loadPdfSigningMaterial', () => {
  it('reads a PEM pair given as file paths or as PEM text', async () => {
    const byPath = await loadPdfSigningMaterial(
      config({ PDF_SIGNING_KEY: join(dir, 'ec.key'), PDF_SIGNING_CERT: join(dir, 'ec.crt') }),
    );
    const byText = await loadPdfSigningMaterial(
      config({
        PDF_SIGNING_KEY: readFileSync(join(dir, 'ec.key'), 'utf8'),
        PDF_SIGNING_CERT: readFileSync(join(dir, 'ec.crt'), 'utf8'),
      }),
    );
    expect(byText.certificates[0].equals(byPath.certificates[0])).toBe(true);
    const out = pdfsigOutput(byPath);
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('Signer Certificate Common Name: PEM Issuer');
    expect(out).toContain('Total document signed');
  });

  it('reads a password-protected PKCS#12 file, by path or base64', async () => {
    const p12 = readFileSync(join(dir, 'rsa.p12'));
    const byPath = await loadPdfSigningMaterial(
      config({ PDF_SIGNING_P12: join(dir, 'rsa.p12'), PDF_SIGNING_P12_PASSWORD: 'rahasia' }),
    );
    const byValue = await loadPdfSigningMaterial(
      config({
        PDF_SIGNING_P12: `base64:${p12.toString('base64')}`,
        PDF_SIGNING_P12_PASSWORD: 'rahasia',
      }),
    );
    expect(byValue.certificates[0].equals(byPath.certificates[0])).toBe(true);
    expect(byPath.privateKey.asymmetricKeyType).toBe('rsa');
    const out = pdfsigOutput(byPath);
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('Signer Certificate Common Name: P12 Issuer');
    await expect(
      loadPdfSigningMaterial(
        config({ PDF_SIGNING_P12: join(dir, 'rsa.p12'), PDF_SIGNING_P12_PASSWORD: 'salah' }),
      ),
    ).rejects.toThrow();
  });
});

describe('developmentPem', () => {
  it('generates one P-256 pair per issuer name, the same for processes starting together', async () => {
    const devDir = join(dir, 'dev');
    const pems = await Promise.all(
      Array.from({ length: 4 }, () => developmentPem('PT Serentak, "Abadi" Jaya', devDir)),
    );
    expect(new Set(pems).size).toBe(1);
    expect(readdirSync(devDir)).toHaveLength(1); // no temp files left behind
    const signer = createPdfSigner({
      privateKey: createPrivateKey(pems[0]),
      certificates: [new X509Certificate(pems[0]).raw],
    });
    // Node escapes the DN special characters; the name itself is kept whole.
    const escaped = 'PT Serentak\\, \\"Abadi\\" Jaya';
    expect(signer.subject).toBe(`CN=${escaped}\nO=${escaped}`);
    expect(signer.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(await developmentPem('PT Lain', devDir)).not.toBe(pems[0]);
  });
});
