import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import type { stream as ExcelStream } from 'exceljs';
import type { OrganizationReportRowView } from './dto/enrollment.dto';

// exceljs costs ~28 MB resident: loaded on the first XLSX export, not at boot.
const excelStream = (): typeof ExcelStream =>
  (createRequire(__filename)('exceljs') as { stream: typeof ExcelStream }).stream;

export const REPORT_COLUMNS = [
  'employee_id',
  'name',
  'course_code',
  'course_title',
  'status',
  'percent',
  'jp_done',
  'jp_hours',
  'due_at',
  'overdue',
  'completed_at',
] as const;

export function reportCells(r: OrganizationReportRowView): (string | number)[] {
  return [
    r.employeeId ?? '',
    r.name,
    r.courseCode,
    r.courseTitle,
    r.status,
    r.percent,
    r.jpDone,
    r.jpHours,
    r.dueAt ? r.dueAt.toISOString() : '',
    r.overdue ? 'yes' : 'no',
    r.completedAt ? r.completedAt.toISOString() : '',
  ];
}

/** exceljs streaming writer: rows are committed as they come, never held as a workbook. */
export function xlsxStream(batches: AsyncIterable<OrganizationReportRowView[]>): Readable {
  const out = new PassThrough();
  const workbook = new (excelStream().xlsx.WorkbookWriter)({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Report');
  void (async () => {
    try {
      sheet.addRow([...REPORT_COLUMNS]).commit();
      for await (const rows of batches) {
        for (const row of rows) sheet.addRow(reportCells(row)).commit();
        // Respect the client's pace: wait while the socket-side buffer is full.
        if (out.writableLength > out.writableHighWaterMark * 4) {
          await new Promise((resolve) => out.once('drain', resolve));
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return out;
}
