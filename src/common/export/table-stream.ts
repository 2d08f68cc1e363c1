import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import type { stream as ExcelStream } from 'exceljs';
import { csvLine } from '../csv/write-csv';

// exceljs costs ~28 MB resident: loaded on the first XLSX export, not at boot.
const excelStream = (): typeof ExcelStream =>
  (createRequire(__filename)('exceljs') as { stream: typeof ExcelStream }).stream;

export type TableCell = string | number | null;

/** A header, known once the first query ran, then rows in batches as the keyset walk yields them. */
export interface TableSource {
  header: () => Promise<TableCell[]>;
  batches: AsyncIterable<TableCell[][]>;
}

/** Waits while the reader is slow, so a slow client never makes rows pile up in memory. */
async function paced(out: PassThrough): Promise<void> {
  if (out.writableLength > out.writableHighWaterMark * 4 && !out.destroyed) {
    await new Promise((resolve) => {
      out.once('drain', resolve);
      out.once('close', resolve);
    });
  }
}

/** CSV (UTF-8 with BOM, comma separated, one header row), written batch by batch. */
export function csvTableStream(source: TableSource): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      out.write(`\uFEFF${csvLine(await source.header())}`);
      for await (const rows of source.batches) {
        if (out.destroyed) return;
        out.write(rows.map(csvLine).join(''));
        await paced(out);
      }
      out.end();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}

/** XLSX through exceljs' streaming writer: rows are committed as they come, never held. */
export function xlsxTableStream(sheetName: string, source: TableSource): Readable {
  const out = new PassThrough();
  const workbook = new (excelStream().xlsx.WorkbookWriter)({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    try {
      sheet.addRow(await source.header()).commit();
      for await (const rows of source.batches) {
        if (out.destroyed) return;
        for (const row of rows) sheet.addRow(row).commit();
        await paced(out);
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
