import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderCertificatePdf } from '../render';
import { sampleCertificate } from '../testing/fixtures';
import { createPdfSigner, PdfSigner, signCertificatePdf } from './pdf-signer';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-signer-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed certificate made by openssl, independent of the code under test. */
function opensslSigner(name: string, keyArgs: string[]): PdfSigner {
  const key = join(dir, `${name}.key`);
  const cert = join(dir, `${name}.crt`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-new',
      ...keyArgs,
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '30',
      '-subj',
      `/CN=${name}/O=PT Uji Tanda Tangan`,
    ],
    { stdio: 'pipe' },
  );
  return createPdfSigner({
    privateKey: createPrivateKey(readFileSync(key)),
    certificates: [new X509Certificate(readFileSync(cert)).raw],
  });
}

function pdfsig(pdf: Buffer): { status: number | null; out: string } {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

function signedSample(signer: PdfSigner): Buffer {
  const data = sampleCertificate();
  const unsigned = renderCertificatePdf(data, {
    signature: {
      reservedBytes: signer.reservedBytes,
      signingTime: data.issuedAt,
      signerName: 'Uji',
    },
  });
  return signCertificatePdf(unsigned, signer);
}

describe.each([
  ['ECDSA P-256', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']],
  ['RSA-2048', ['-newkey', 'rsa:2048']],
])('signCertificatePdf with %s', (label, keyArgs) => {
  let signer: PdfSigner;
  beforeAll(() => {
    signer = opensslSigner(`Penerbit ${label}`, keyArgs);
  });

  it('gives a PAdES signature pdfsig accepts over the whole document', () => {
    const signed = signedSample(signer);
    const { status, out } = pdfsig(signed);
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain(`Signer Certificate Common Name: Penerbit ${label}`);
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Total document signed');
    expect(out).toContain('Signing Time: Nov 27 2026');
    expect(status).toBe(0);
    expect(signer.subject).toContain(`CN=Penerbit ${label}`);
  });

  it('keeps the file length and leaves the input alone', () => {
    const data = sampleCertificate();
    const unsigned = renderCertificatePdf(data, {
      signature: { reservedBytes: signer.reservedBytes, signingTime: data.issuedAt },
    });
    const copy = Buffer.from(unsigned);
    const signed = signCertificatePdf(unsigned, signer);
    expect(unsigned.equals(copy)).toBe(true);
    expect(signed.length).toBe(unsigned.length);
  });

  it('fails pdfsig after a byte of the signed range changes', () => {
    const signed = signedSample(signer);
    const at = signed.indexOf('/Title (');
    signed.write('X', at + 8, 'latin1');
    const { out } = pdfsig(signed);
    expect(out).not.toContain('Signature is Valid');
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });
});

describe('createPdfSigner', () => {
  it('refuses a key that does not belong to the certificate', () => {
    const a = opensslSigner('A', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    const b = opensslSigner('B', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    expect(() =>
      createPdfSigner({ privateKey: a.privateKey, certificates: [readCert('B')] }),
    ).toThrow('PDF signing key does not match the first certificate');
    expect(b.subject).toContain('CN=B');
  });

  it('refuses weak or unsupported keys', () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-new',
        '-newkey',
        'rsa:1024',
        '-nodes',
        '-keyout',
        join(dir, 'weak.key'),
        '-out',
        join(dir, 'weak.crt'),
        '-days',
        '1',
        '-subj',
        '/CN=weak',
      ],
      { stdio: 'pipe' },
    );
    expect(() =>
      createPdfSigner({
        privateKey: createPrivateKey(readFileSync(join(dir, 'weak.key'))),
        certificates: [readCert('weak')],
      }),
    ).toThrow('PDF signing key must be ECDSA P-256 or RSA with at least 2048 bits');
  });

  it('needs a placeholder in the PDF', () => {
    const signer = opensslSigner('C', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    expect(() => signCertificatePdf(renderCertificatePdf(sampleCertificate()), signer)).toThrow(
      'no signature placeholder',
    );
  });
});

function readCert(name: string): Buffer {
  return new X509Certificate(readFileSync(join(dir, `${name}.crt`))).raw;
}
