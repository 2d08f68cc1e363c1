import { CsvRowError, readCsv } from '../../../common/csv/read-csv';

export interface EmployeeRow {
  line: number;
  name: string;
  email: string;
  employeeId: string;
  nik: string | null;
}

export type RowError = CsvRowError;

/** A data line of the file as written (trimmed cells), valid or not: what a preview shows. */
export interface EmployeeLine {
  line: number;
  name: string;
  email: string;
  employeeId: string;
  nik: string;
}

export const MAX_EMPLOYEE_ROWS = 10_000;
const REQUIRED_COLUMNS = ['name', 'email', 'employee_id'] as const;
const KNOWN_COLUMNS = new Set<string>([...REQUIRED_COLUMNS, 'nik']);
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{2,}$/;
const EMPLOYEE_ID = /^[A-Za-z0-9._/-]{1,64}$/;
const NIK = /^\d{16}$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Parses `name,email,employee_id,nik?` (header required, any column order, UTF-8 with or
 * without BOM, comma or semicolon as Excel in Indonesia often writes). Returns every row
 * error with its 1-based line number; callers write nothing unless `errors` is empty.
 */
export function parseEmployeeCsv(text: string): {
  rows: EmployeeRow[];
  errors: RowError[];
  lines: EmployeeLine[];
} {
  const csv = readCsv(text);
  if (csv.error) return { rows: [], errors: [csv.error], lines: [] };
  const { header, records } = csv;
  const headerErrors: RowError[] = [];
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) {
      headerErrors.push({
        line: 1,
        field: column,
        code: 'MISSING_COLUMN',
        message: `Missing column "${column}"`,
      });
    }
  }
  for (const column of header) {
    if (!KNOWN_COLUMNS.has(column)) {
      headerErrors.push({
        line: 1,
        field: column,
        code: 'UNKNOWN_COLUMN',
        message: `Unknown column "${column}"`,
      });
    }
  }
  if (headerErrors.length) return { rows: [], errors: headerErrors, lines: [] };
  if (records.length > MAX_EMPLOYEE_ROWS) {
    return {
      rows: [],
      errors: [
        { line: 1, code: 'TOO_MANY_ROWS', message: `At most ${MAX_EMPLOYEE_ROWS} rows per file` },
      ],
      lines: [],
    };
  }

  const rows: EmployeeRow[] = [];
  const errors: RowError[] = [];
  const seenEmails = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const lines: EmployeeLine[] = [];
  for (const { line, cells: record } of records) {
    const cell = (column: string) => record[header.indexOf(column)]?.trim() ?? '';
    lines.push({
      line,
      name: cell('name'),
      email: cell('email'),
      employeeId: cell('employee_id'),
      nik: header.includes('nik') ? cell('nik') : '',
    });
    if (record.length !== header.length) {
      errors.push({
        line,
        code: 'COLUMN_COUNT',
        message: `Expected ${header.length} columns, found ${record.length}`,
      });
      continue;
    }
    const name = cell('name');
    const email = normaliseEmail(cell('email'));
    const employeeId = cell('employee_id');
    const nik = header.includes('nik') ? cell('nik') : '';
    const before = errors.length;
    if (name.length < 2 || name.length > 200) {
      errors.push({
        line,
        field: 'name',
        code: 'INVALID_NAME',
        message: 'Name must be 2-200 characters',
      });
    }
    if (!EMAIL.test(email) || email.length > 254) {
      errors.push({
        line,
        field: 'email',
        code: 'INVALID_EMAIL',
        message: `"${email}" is not a valid e-mail address`,
      });
    }
    if (!EMPLOYEE_ID.test(employeeId)) {
      errors.push({
        line,
        field: 'employee_id',
        code: 'INVALID_EMPLOYEE_ID',
        message: 'employee_id must be 1-64 characters of letters, digits, . _ / -',
      });
    }
    if (nik && !NIK.test(nik)) {
      errors.push({
        line,
        field: 'nik',
        code: 'INVALID_NIK',
        message: 'NIK must be exactly 16 digits',
      });
    }
    const emailLine = seenEmails.get(email);
    if (email && emailLine !== undefined) {
      errors.push({
        line,
        field: 'email',
        code: 'DUPLICATE_IN_FILE',
        message: `Same e-mail as line ${emailLine}`,
      });
    }
    const idLine = seenIds.get(employeeId);
    if (employeeId && idLine !== undefined) {
      errors.push({
        line,
        field: 'employee_id',
        code: 'DUPLICATE_IN_FILE',
        message: `Same employee_id as line ${idLine}`,
      });
    }
    seenEmails.set(email, seenEmails.get(email) ?? line);
    seenIds.set(employeeId, seenIds.get(employeeId) ?? line);
    if (errors.length === before) rows.push({ line, name, email, employeeId, nik: nik || null });
  }
  if (records.length === 0) {
    errors.push({ line: 1, code: 'CSV_EMPTY', message: 'The file has a header but no rows' });
  }
  return { rows, errors, lines };
}
