import { pdfDate, pdfTextString } from '../pdf/strings';

/** Written by the renderer, found and overwritten by `signCertificatePdf`. */
export const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 ********** ********** **********]';

export interface SignaturePlaceholder {
  /** Bytes reserved for the CMS signature (`PdfSigner.reservedBytes`). */
  reservedBytes: number;
  /** Written as `/M` (PAdES: the claimed signing time lives in the signature dictionary). */
  signingTime: Date;
  /** `/Name`: who signed, for viewers. */
  signerName?: string;
  reason?: string;
}

export function signatureDictionary(field: SignaturePlaceholder): string {
  if (!Number.isInteger(field.reservedBytes) || field.reservedBytes < 256) {
    throw new Error('certificate-pdf: signature.reservedBytes must be an integer >= 256');
  }
  return (
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ' +
    `${BYTE_RANGE_PLACEHOLDER} /Contents <${'0'.repeat(field.reservedBytes * 2)}> ` +
    `/M ${pdfDate(field.signingTime)}` +
    (field.signerName ? ` /Name ${pdfTextString(field.signerName)}` : '') +
    (field.reason ? ` /Reason ${pdfTextString(field.reason)}` : '') +
    ' >>'
  );
}
