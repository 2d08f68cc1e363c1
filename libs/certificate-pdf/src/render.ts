import { createHash } from 'node:crypto';
import { certificateFonts } from './font/fonts';
import { cleanText } from './font/shaped-text';
import { FontSubset } from './font/subset';
import { drawCertificatePage, PageImages, PlacedImage } from './layout/certificate-page';
import { PAGE } from './layout/theme';
import { LABELS } from './labels';
import { ContentBuilder, FontResource } from './pdf/content';
import { prepareImage, writeImage } from './pdf/image';
import { num, pdfDate, pdfTextString } from './pdf/strings';
import { writeType0Font } from './pdf/type0-font';
import { PdfWriter } from './pdf/writer';
import { qrCode } from './qr';
import { SignaturePlaceholder, signatureDictionary } from './sign/placeholder';
import { CertificatePdfData } from './types';

const PRODUCER = 'k3-lms certificate-pdf';
const SIGNATURE_FIELD = 'Signature1';

export interface RenderOptions {
  /**
   * Adds an invisible signature field and a signature dictionary with a reserved /Contents,
   * to be filled by `signCertificatePdf`.
   */
  signature?: SignaturePlaceholder;
}

/**
 * Renders one certificate as a single-page A4 landscape PDF. Pure and deterministic: the
 * same data gives the same bytes (CreationDate is the issue date, not the render time).
 */
export function renderCertificatePdf(
  data: CertificatePdfData,
  options: RenderOptions = {},
): Buffer {
  requireText(data.number, 'number');
  requireText(data.learnerName, 'learnerName');
  requireText(data.verifyUrl, 'verifyUrl');
  const fonts = certificateFonts();
  const writer = new PdfWriter();
  const catalogId = writer.allocate();
  const pagesId = writer.allocate();
  const pageId = writer.allocate();
  const contentId = writer.allocate();
  const infoId = writer.allocate();
  const regular: FontResource = { name: 'F1', subset: new FontSubset(fonts.regular) };
  const bold: FontResource = { name: 'F2', subset: new FontSubset(fonts.bold) };
  const fontIds = [writer.allocate(), writer.allocate()];
  const signatureIds = options.signature
    ? { field: writer.allocate(), value: writer.allocate() }
    : undefined;

  const xObjects: string[] = [];
  const embed = (
    bytes: Uint8Array | undefined,
    name: string,
    label: string,
  ): PlacedImage | undefined => {
    if (!bytes || bytes.length === 0) return undefined;
    const image = prepareImage(bytes, label);
    const id = writer.allocate();
    writeImage(writer, id, image);
    xObjects.push(`/${name} ${id} 0 R`);
    return { name, width: image.width, height: image.height };
  };
  const images: PageImages = {
    logo: embed(data.issuer.logoImage, 'Im1', 'issuer.logoImage'),
    signature: embed(data.issuer.signatureImage, 'Im2', 'issuer.signatureImage'),
  };

  const content = new ContentBuilder(PAGE.height);
  drawCertificatePage({ content, regular, bold }, data, qrCode(data.verifyUrl), images);
  writer.deflatedStream(contentId, '', content.toString());
  writeType0Font(writer, fontIds[0], regular.subset);
  writeType0Font(writer, fontIds[1], bold.subset);

  const resources =
    `<< /Font << /F1 ${fontIds[0]} 0 R /F2 ${fontIds[1]} 0 R >>` +
    (xObjects.length ? ` /XObject << ${xObjects.join(' ')} >>` : '') +
    ' >>';
  writer.object(
    pageId,
    `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${num(PAGE.width)} ${num(PAGE.height)}] ` +
      `/Resources ${resources} /Contents ${contentId} 0 R` +
      (signatureIds ? ` /Annots [${signatureIds.field} 0 R]` : '') +
      ' >>',
  );
  writer.object(pagesId, `<< /Type /Pages /Kids [${pageId} 0 R] /Count 1 >>`);
  writer.object(
    catalogId,
    `<< /Type /Catalog /Pages ${pagesId} 0 R /Lang (id-ID) ` +
      '/ViewerPreferences << /DisplayDocTitle true >>' +
      (signatureIds
        ? ` /AcroForm << /Fields [${signatureIds.field} 0 R] /SigFlags 3 >>` +
          // ISO 32000 extension for ETSI.CAdES.detached in a PDF 1.7 file.
          ' /Extensions << /ESIC << /BaseVersion /1.7 /ExtensionLevel 2 >> >>'
        : '') +
      ' >>',
  );
  writer.object(
    infoId,
    `<< /Title ${pdfTextString(`${LABELS.title} \u2013 ${cleanText(data.learnerName)} \u2013 ${data.number}`)} ` +
      `/Subject ${pdfTextString(`${LABELS.documentSubject}: ${data.courseTitle.id}`)} ` +
      `/Author ${pdfTextString(data.issuer.organizationName)} /Creator (${PRODUCER}) ` +
      `/Producer (${PRODUCER}) /CreationDate ${pdfDate(data.issuedAt)} >>`,
  );
  if (options.signature && signatureIds) {
    // Invisible (zero-size) widget, flags Print + Locked: the page already prints the signer.
    writer.object(
      signatureIds.field,
      `<< /Type /Annot /Subtype /Widget /FT /Sig /T (${SIGNATURE_FIELD}) /V ${signatureIds.value} 0 R ` +
        `/Rect [0 0 0 0] /F 132 /P ${pageId} 0 R >>`,
    );
    // Last object in the file: signCertificatePdf looks for the placeholder from the end.
    writer.object(signatureIds.value, signatureDictionary(options.signature));
  }
  const fileId = createHash('md5').update(`${data.number}\n${data.verifyUrl}`).digest('hex');
  return writer.finish(catalogId, infoId, fileId);
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || !value.trim()) {
    throw new Error(`certificate-pdf: ${field} must be a non-empty string`);
  }
}
