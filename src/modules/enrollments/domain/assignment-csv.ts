import { CsvRowError, readCsv } from '../../../common/csv/read-csv';
import { parseIsoTimestamp } from '../../../common/text/iso-timestamp';

export interface AssignmentRow {
  line: number;
  employeeId: string;
  dueAt: Date | null;
}

export type AssignmentRowError = CsvRowError;

export const MAX_ASSIGNMENT_ROWS = 10_000;
const EMPLOYEE_ID = /^[A-Za-z0-9._/-]{1,64}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A due date as HR writes it: `YYYY-MM-DD` means the end of that day in `utcOffset`
 * (Asia/Jakarta is +07:00), or a full ISO 8601 date-time. Null when unparseable.
 */
export function parseDueDate(value: string, utcOffset = '+07:00'): Date | null {
  const text = value.trim();
  const date = DATE_ONLY.test(text)
    ? parseIsoTimestamp(`${text}T23:59:59${utcOffset}`)
    : /^\d{4}-\d{2}-\d{2}T/.test(text)
      ? parseIsoTimestamp(text)
      : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

/** Parses `employee_id[,due_at]` (header required; comma or semicolon; UTF-8 with or without BOM). */
export function parseAssignmentCsv(
  text: string,
  defaultDueAt: Date | null,
): { rows: AssignmentRow[]; errors: AssignmentRowError[] } {
  const csv = readCsv(text);
  if (csv.error) return { rows: [], errors: [csv.error] };
  const { header, records } = csv;
  if (records.length === 0) {
    return { rows: [], errors: [{ line: 1, code: 'CSV_EMPTY', message: 'No rows to import' }] };
  }
  const unknown = header.filter((h) => h !== 'employee_id' && h !== 'due_at');
  if (!header.includes('employee_id') || unknown.length) {
    return {
      rows: [],
      errors: [
        {
          line: 1,
          code: 'INVALID_HEADER',
          message: 'The header must be employee_id with an optional due_at column',
        },
      ],
    };
  }
  if (records.length > MAX_ASSIGNMENT_ROWS) {
    return {
      rows: [],
      errors: [{ line: 1, code: 'TOO_MANY_ROWS', message: `At most ${MAX_ASSIGNMENT_ROWS} rows` }],
    };
  }
  const rows: AssignmentRow[] = [];
  const errors: AssignmentRowError[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells: record } of records) {
    const employeeId = record[header.indexOf('employee_id')]?.trim() ?? '';
    const dueText = header.includes('due_at')
      ? (record[header.indexOf('due_at')] ?? '').trim()
      : '';
    if (!EMPLOYEE_ID.test(employeeId)) {
      errors.push({
        line,
        field: 'employee_id',
        code: 'INVALID_EMPLOYEE_ID',
        message: 'Invalid employee_id',
      });
      continue;
    }
    const dueAt = dueText ? parseDueDate(dueText) : defaultDueAt;
    if (dueText && !dueAt) {
      errors.push({
        line,
        field: 'due_at',
        code: 'INVALID_DUE_AT',
        message: `"${dueText}" is not a date`,
      });
      continue;
    }
    const earlier = seen.get(employeeId);
    if (earlier !== undefined) {
      errors.push({
        line,
        field: 'employee_id',
        code: 'DUPLICATE_IN_FILE',
        message: `Same employee_id as line ${earlier}`,
      });
      continue;
    }
    seen.set(employeeId, line);
    rows.push({ line, employeeId, dueAt });
  }
  return { rows, errors };
}
