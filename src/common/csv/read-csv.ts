import { createRequire } from 'node:module';

// Loaded on the first import, not at boot.
const lazyRequire = createRequire(__filename);
const csvParse = () => (lazyRequire('csv-parse/sync') as typeof import('csv-parse/sync')).parse;

export interface CsvRowError {
  line: number;
  field?: string;
  code: string;
  message: string;
}

export interface CsvRecord {
  /** 1-based line in the file where the record ends, for error messages. */
  line: number;
  cells: string[];
}

export type CsvReadResult =
  { header: string[]; records: CsvRecord[]; error?: undefined } | { error: CsvRowError };

/**
 * Reads an uploaded CSV as spreadsheet users in Indonesia write them: UTF-8 with or without
 * BOM, comma or semicolon separated (Excel with an Indonesian locale uses `;`), header first.
 * Header names are trimmed and lower-cased; cells are trimmed. Malformed quoting and an empty
 * file come back as one error with its line number.
 */
export function readCsv(text: string): CsvReadResult {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length - 1;
  const delimiter = count(';') > count(',') ? ';' : ',';
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = csvParse()(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { error: { line: err.lines ?? 1, code: 'CSV_MALFORMED', message: err.message } };
  }
  if (parsed.length === 0) {
    return { error: { line: 1, code: 'CSV_EMPTY', message: 'The file is empty' } };
  }
  return {
    header: parsed[0].record.map((h) => h.trim().toLowerCase()),
    records: parsed.slice(1).map(({ record, info }) => ({ line: info.lines, cells: record })),
  };
}
