// @peculiar/x509 (tsyringe) needs the Reflect polyfill before it loads.
import 'reflect-metadata';
import {
  createPrivateKey,
  createHash,
  KeyObject,
  randomBytes,
  webcrypto,
  X509Certificate,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOrCreateOnce } from '../../common/files/create-once';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PdfSigningMaterial } from '@app/certificate-pdf';
import type { AppConfig } from '../../config/app-config';

/** The DOM `Crypto` type both libraries expect; Node's webcrypto implements it. */
type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;
const DEV_KEY_DIR = join('.data', 'pdf-signing');

/** PEM text when the value starts with -----BEGIN, otherwise the path of a file holding it. */
function pemOrFile(value: string): string {
  return value.trimStart().startsWith('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

export function certificatesFromPem(pem: string): Buffer[] {
  const blocks = [...pem.matchAll(PEM_BLOCK)].filter((m) => m[1] === 'CERTIFICATE');
  return blocks.map((m) => new X509Certificate(m[0]).raw);
}

export function materialFromPem(keyPem: string, certPem: string): PdfSigningMaterial {
  const certificates = certificatesFromPem(certPem);
  if (certificates.length === 0) throw new Error('PDF_SIGNING_CERT holds no PEM certificate');
  return { privateKey: createPrivateKey(keyPem), certificates };
}

/** PKCS#12 (PBES2/AES as `openssl pkcs12 -export` writes it), integrity-checked. */
export async function materialFromP12(der: Buffer, password: string): Promise<PdfSigningMaterial> {
  pkijs.setEngine(
    'node',
    new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as EngineCrypto }),
  );
  const secret = new TextEncoder().encode(password).buffer as ArrayBuffer;
  const asn = asn1js.fromBER(new Uint8Array(der));
  if (asn.offset === -1) throw new Error('PDF_SIGNING_P12 is not a PKCS#12 file');
  const pfx = new pkijs.PFX({ schema: asn.result });
  await pfx.parseInternalValues({ password: secret, checkIntegrity: true });
  const safe = pfx.parsedValue?.authenticatedSafe;
  if (!safe) throw new Error('PDF_SIGNING_P12 has no authenticated safe');
  await safe.parseInternalValues({
    safeContents: safe.safeContents.map(() => ({ password: secret })),
  });
  const keys: KeyObject[] = [];
  const certificates: Buffer[] = [];
  for (const contents of safe.parsedValue?.safeContents ?? []) {
    for (const bag of contents.value.safeBags) {
      if (bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
        await bag.bagValue.parseInternalValues({ password: secret });
        const info = bag.bagValue.parsedValue;
        if (info) keys.push(pkcs8Key(info));
      } else if (bag.bagValue instanceof pkijs.PrivateKeyInfo) {
        keys.push(pkcs8Key(bag.bagValue));
      } else if (bag.bagValue instanceof pkijs.CertBag) {
        const cert = bag.bagValue.parsedValue;
        if (cert instanceof pkijs.Certificate) {
          certificates.push(Buffer.from(cert.toSchema().toBER(false)));
        }
      }
    }
  }
  if (keys.length !== 1) throw new Error('PDF_SIGNING_P12 must hold exactly one private key');
  const [privateKey] = keys;
  // The signer's certificate first, whatever order the file stores them in.
  const leaf = certificates.findIndex((c) => new X509Certificate(c).checkPrivateKey(privateKey));
  if (leaf < 0) throw new Error('PDF_SIGNING_P12 holds no certificate for its private key');
  return { privateKey, certificates: [certificates[leaf], ...certificates.toSpliced(leaf, 1)] };
}

function pkcs8Key(info: pkijs.PrivateKeyInfo): KeyObject {
  return createPrivateKey({
    key: Buffer.from(info.toSchema().toBER(false)),
    format: 'der',
    type: 'pkcs8',
  });
}

/** A self-signed P-256 pair for development, subject CN = O = the issuer name, as one PEM. */
export async function generateSelfSignedPem(issuerName: string): Promise<string> {
  x509.cryptoProvider.set(webcrypto as unknown as EngineCrypto);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const now = Date.now();
  const name = new x509.Name(subjectName(issuerName));
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: `01${randomBytes(15).toString('hex')}`,
    name,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 10 * 365 * 24 * 3600_000),
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const keyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({
    type: 'pkcs8',
    format: 'pem',
  });
  return `${keyPem as string}${cert.toString('pem')}\n`;
}

/**
 * CN = O = the issuer name as DER. @peculiar/x509's string and JSON forms both mangle names with
 * a comma followed by quotes ('PT A, "B" C' becomes 'B'), so the Name is encoded here.
 */
function subjectName(issuerName: string): ArrayBuffer {
  const attribute = (type: string) =>
    new asn1js.Set({
      value: [
        new asn1js.Sequence({
          value: [
            new asn1js.ObjectIdentifier({ value: type }),
            new asn1js.Utf8String({ value: issuerName }),
          ],
        }),
      ],
    });
  return new asn1js.Sequence({ value: [attribute('2.5.4.3'), attribute('2.5.4.10')] }).toBER();
}

/**
 * The development pair for this issuer name, generated once under `.data/`. API and worker
 * may start together; both end up with the same pair (`readOrCreateOnce`).
 */
export async function developmentPem(issuerName: string, dir = DEV_KEY_DIR): Promise<string> {
  const tag = createHash('sha256').update(issuerName).digest('hex').slice(0, 16);
  const { text } = await readOrCreateOnce(join(dir, `dev-${tag}.pem`), () =>
    generateSelfSignedPem(issuerName),
  );
  return text;
}

/** Reads the configured key material, or the development pair when none is configured. */
export async function loadPdfSigningMaterial(config: AppConfig): Promise<PdfSigningMaterial> {
  const { key, cert, p12, p12Password } = config.pdfSigning;
  if (p12) {
    const der = p12.startsWith('base64:')
      ? Buffer.from(p12.slice('base64:'.length), 'base64')
      : readFileSync(p12);
    return materialFromP12(der, p12Password);
  }
  if (key && cert) return materialFromPem(pemOrFile(key), pemOrFile(cert));
  const pem = await developmentPem(config.certificateIssuer.organizationName);
  return materialFromPem(pem, pem);
}
