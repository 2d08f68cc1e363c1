import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';

export type XlsxCell = string | number | null;

interface ZipStreamInstance extends Readable {
  entry(
    source: string | Readable,
    data: { name: string; date?: Date },
    cb: (e?: Error | null) => void,
  ): void;
  finalize(): void;
}
type ZipStreamClass = new (options: { zlib?: { level: number } }) => ZipStreamInstance;

// zip-stream loads on the first export, not at boot (see certificate-exports.service.ts).
const lazyRequire = createRequire(__filename);
const zipStreamClass = (): ZipStreamClass =>
  (lazyRequire('zip-stream') as { default: ZipStreamClass }).default;

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
  const archive = new (zipStreamClass())({ zlib: { level: 6 } });
  const sheet = new PassThrough();
  archive.once('close', () => sheet.destroy());
  const entry = (source: string | Readable, name: string) =>
    new Promise<void>((resolve, reject) =>
      archive.entry(source, { name }, (e) => (e ? reject(e) : resolve())),
    );
  const write = async (xml: string) => {
    if (!sheet.write(xml)) await drained(sheet);
  };
  const run = async () => {
    await entry(CONTENT_TYPES, '[Content_Types].xml');
    await entry(ROOT_RELS, '_rels/.rels');
    await entry(workbookXml(sheetName), 'xl/workbook.xml');
    await entry(WORKBOOK_RELS, 'xl/_rels/workbook.xml.rels');
    const sheetDone = entry(sheet, 'xl/worksheets/sheet1.xml');
    let rowNumber = 1;
    await write(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(rowNumber++, header)}`);
    for await (const rows of batches) {
      let xml = '';
      for (const cells of rows) xml += rowXml(rowNumber++, cells);
      await write(xml);
    }
    sheet.end('</sheetData></worksheet>');
    await sheetDone;
    archive.finalize();
  };
  run().catch((e: Error) => {
    sheet.destroy();
    archive.destroy(e);
  });
  return archive;
}
