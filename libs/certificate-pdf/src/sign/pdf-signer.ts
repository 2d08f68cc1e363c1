import { createHash, KeyObject, sign, X509Certificate } from 'node:crypto';
import { children, DerElement, octetString, oid, sequence, setOf, smallInteger, tlv } from './der';
import { BYTE_RANGE_PLACEHOLDER } from './placeholder';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

export interface PdfSigningMaterial {
  /** ECDSA P-256 or RSA with a modulus of at least 2048 bits. */
  privateKey: KeyObject;
  /** DER certificates: the signer's first, then any intermediates (embedded in every PDF). */
  certificates: Buffer[];
}

/** Key material checked and turned into the constant parts of the CMS, once per process. */
export interface PdfSigner {
  /** The signer certificate's subject, e.g. `CN=K3 LMS\nO=K3 LMS` (Node's format). */
  readonly subject: string;
  readonly notAfter: Date;
  /** What to pass as `signature.reservedBytes` to `renderCertificatePdf`. */
  readonly reservedBytes: number;
  readonly privateKey: KeyObject;
  readonly signatureAlgorithm: Buffer;
  readonly certificateSet: Buffer;
  readonly signerIdentifier: Buffer;
  readonly signingCertificateAttribute: Buffer;
}

/** Throws a readable Error when the key is not usable or does not belong to the certificate. */
export function createPdfSigner(material: PdfSigningMaterial): PdfSigner {
  const { privateKey, certificates } = material;
  if (privateKey.type !== 'private') throw new Error('PDF signing key must be a private key');
  if (certificates.length === 0) throw new Error('PDF signing certificate is missing');
  let signatureAlgorithm: Buffer;
  let signatureBytes: number;
  const details = privateKey.asymmetricKeyDetails ?? {};
  if (privateKey.asymmetricKeyType === 'ec' && details.namedCurve === 'prime256v1') {
    signatureAlgorithm = sequence(oid(OID.ecdsaWithSha256));
    signatureBytes = 72;
  } else if (privateKey.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048) {
    signatureAlgorithm = sequence(oid(OID.sha256WithRsa), tlv(0x05));
    signatureBytes = (details.modulusLength ?? 0) / 8;
  } else {
    throw new Error('PDF signing key must be ECDSA P-256 or RSA with at least 2048 bits');
  }
  const leaf = new X509Certificate(certificates[0]);
  if (!leaf.checkPrivateKey(privateKey)) {
    throw new Error('PDF signing key does not match the first certificate');
  }
  const { issuer, serial } = issuerAndSerial(certificates[0]);
  const essCertIdV2 = sequence(
    octetString(createHash('sha256').update(certificates[0]).digest()),
    sequence(sequence(tlv(0xa4, issuer.raw)), serial.raw),
  );
  const certificateSet = tlv(0xa0, ...certificates);
  return {
    subject: leaf.subject,
    notAfter: new Date(leaf.validTo),
    reservedBytes: certificateSet.length + 2 * issuer.raw.length + signatureBytes + 512,
    privateKey,
    signatureAlgorithm,
    certificateSet,
    signerIdentifier: sequence(issuer.raw, serial.raw),
    signingCertificateAttribute: sequence(
      oid(OID.signingCertificateV2),
      setOf(sequence(sequence(essCertIdV2))),
    ),
  };
}

/**
 * Fills the placeholder written by `renderCertificatePdf(data, { signature })`: sets the
 * /ByteRange to everything but /Contents and puts a detached CMS SignedData (PAdES B-B) there.
 * Returns a new buffer; the input is not changed.
 */
export function signCertificatePdf(unsigned: Buffer, signer: PdfSigner): Buffer {
  const pdf = Buffer.from(unsigned);
  // Written last by the renderer, so an image that happens to hold the same bytes cannot win.
  const rangeAt = pdf.lastIndexOf(BYTE_RANGE_PLACEHOLDER, undefined, 'latin1');
  if (rangeAt < 0) throw new Error('certificate-pdf: no signature placeholder in this PDF');
  const contentsStart = pdf.indexOf('/Contents <', rangeAt, 'latin1') + '/Contents '.length;
  const contentsEnd = pdf.indexOf('>', contentsStart, 'latin1') + 1;
  const reserved = (contentsEnd - contentsStart - 2) / 2;
  const byteRange = `/ByteRange [0 ${contentsStart} ${contentsEnd} ${pdf.length - contentsEnd}]`;
  pdf.write(byteRange.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), rangeAt, 'latin1');
  const digest = createHash('sha256')
    .update(pdf.subarray(0, contentsStart))
    .update(pdf.subarray(contentsEnd))
    .digest();
  const cms = signedData(signer, digest);
  if (cms.length > reserved) {
    throw new Error(`certificate-pdf: signature needs ${cms.length} bytes, ${reserved} reserved`);
  }
  pdf.write(cms.toString('hex'), contentsStart + 1, 'latin1');
  return pdf;
}

function signedData(signer: PdfSigner, messageDigest: Buffer): Buffer {
  const sha256 = sequence(oid(OID.sha256));
  const signedAttributes = setOf(
    sequence(oid(OID.contentType), setOf(oid(OID.data))),
    sequence(oid(OID.messageDigest), setOf(octetString(messageDigest))),
    signer.signingCertificateAttribute,
  );
  const signature = sign('sha256', signedAttributes, signer.privateKey);
  // In the SignerInfo the attributes are [0] IMPLICIT; the signature is over their SET form.
  const implicitAttributes = Buffer.concat([Buffer.from([0xa0]), signedAttributes.subarray(1)]);
  const signerInfo = sequence(
    smallInteger(1),
    signer.signerIdentifier,
    sha256,
    implicitAttributes,
    signer.signatureAlgorithm,
    octetString(signature),
  );
  const content = sequence(
    smallInteger(1),
    setOf(sha256),
    sequence(oid(OID.data)),
    signer.certificateSet,
    setOf(signerInfo),
  );
  return sequence(oid(OID.signedData), tlv(0xa0, content));
}

function issuerAndSerial(certificate: Buffer): { issuer: DerElement; serial: DerElement } {
  const [cert] = children(certificate);
  const [tbs] = children(cert.body);
  const fields = children(tbs.body);
  const first = fields[0].tag === 0xa0 ? 1 : 0; // explicit version
  return { serial: fields[first], issuer: fields[first + 2] };
}
