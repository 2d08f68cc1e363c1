import { Readable } from 'node:stream';
import { xlsxStream } from '../../common/xlsx/xlsx-stream';
import type { OrganizationReportRowView } from './dto/enrollment.dto';

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

/** The report as a one-sheet XLSX, written batch by batch as the client reads it. */
export function reportXlsx(batches: AsyncIterable<OrganizationReportRowView[]>): Readable {
  async function* cells() {
    for await (const rows of batches) yield rows.map(reportCells);
  }
  return xlsxStream('Report', REPORT_COLUMNS, cells());
}
