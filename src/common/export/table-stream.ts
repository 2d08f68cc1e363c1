import { PassThrough, Readable } from 'node:stream';
import { csvLine } from '../csv/write-csv';
import { xlsxStream } from '../xlsx/xlsx-stream';

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

/** XLSX through the streaming one-sheet writer (common/xlsx), once the header is known. */
export function xlsxTableStream(sheetName: string, source: TableSource): Readable {
  const out = new PassThrough();
  source.header().then(
    (header) => {
      const xlsx = xlsxStream(sheetName, header, source.batches);
      xlsx.once('error', (e) => out.destroy(e));
      out.once('close', () => xlsx.destroy());
      xlsx.pipe(out);
    },
    (e: Error) => out.destroy(e),
  );
  return out;
}
