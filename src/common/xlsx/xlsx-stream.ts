import { PassThrough, Readable } from 'node:stream';
import { ZipWriter } from '../zip/zip-writer';

export type XlsxCell = string | number | null;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const CONTENT_TYPES =
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '</Types>';
const ROOT_RELS =
  `${XML}<Relationships xmlns="${RELS}">` +
  `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';
const WORKBOOK_RELS =
  `${XML}<Relationships xmlns="${RELS}">` +
  `<Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  '</Relationships>';
const workbookXml = (sheetName: string) =>
  `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>` +
  `<sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`;

// Characters XML 1.0 cannot carry at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** One `<row>`: numbers as numbers, text as inline strings (never a formula), null as no cell. */
export function rowXml(rowNumber: number, cells: readonly XlsxCell[]): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < cells.length; i += 1) {
    const value = cells[i];
    if (value === null) continue;
    const ref = `${columnName(i)}${rowNumber}`;
    xml +=
      typeof value === 'number' && Number.isFinite(value)
        ? `<c r="${ref}"><v>${value}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(value))}</t></is></c>`;
  }
  return `${xml}</row>`;
}

/** Resolves once `stream` takes more; rejects if it is closed first (the client went away). */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      stream.off('drain', onDrain);
      reject(new Error('xlsx stream closed'));
    };
    stream.once('drain', onDrain);
    stream.once('close', onClose);
  });
}

/**
 * A one-sheet XLSX written as rows arrive: the sheet XML goes through a deflating ZIP stream
 * with backpressure, so memory stays flat whatever the row count (no workbook model, no shared
 * strings, no styles). `batches` is read only as fast as the reader consumes the output.
 */
export function xlsxStream(
  sheetName: string,
  header: readonly XlsxCell[],
  batches: AsyncIterable<readonly (readonly XlsxCell[])[]>,
): Readable {
  const zip = new ZipWriter();
  const sheet = new PassThrough();
  const write = async (xml: string) => {
    if (!sheet.write(xml)) await drained(sheet);
  };
  const writeRows = async () => {
    let rowNumber = 1;
    await write(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(rowNumber++, header)}`);
    for await (const rows of batches) {
      let xml = '';
      for (const cells of rows) xml += rowXml(rowNumber++, cells);
      await write(xml);
    }
    sheet.end('</sheetData></worksheet>');
  };
  const run = async () => {
    zip.addText('[Content_Types].xml', CONTENT_TYPES, { compress: true });
    zip.addText('_rels/.rels', ROOT_RELS, { compress: true });
    zip.addText('xl/workbook.xml', workbookXml(sheetName), { compress: true });
    zip.addText('xl/_rels/workbook.xml.rels', WORKBOOK_RELS, { compress: true });
    const sheetDone = zip.addStream('xl/worksheets/sheet1.xml', () => sheet, { compress: true });
    zip.end();
    await Promise.all([sheetDone, writeRows()]);
  };
  run().catch((e: Error) => {
    sheet.destroy();
    zip.output.destroy(e);
  });
  return zip.output;
}
