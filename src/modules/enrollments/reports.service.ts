import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { orgOf } from '../../common/auth/organization';
import { ReportingReader } from '../../database/reporting-reader';
import { AuthUser, Role } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { displayStatus } from './domain/progress-rules';
import { OrganizationReportRowView } from './dto/enrollment.dto';
import { csvLine } from '../../common/csv/write-csv';
import { REPORT_COLUMNS, reportCells, reportXlsx } from './report-export';

/** Employees by name (then user and enrollment, for ties): the keyset of the report's pages. */
type OrgRowKey = [name: string, userId: string, enrollmentId: string];

interface OrgRow {
  id: string;
  user_id: string;
  name: string;
  employee_id: string | null;
  course_id: string;
  code: string;
  title_id: string;
  jp_hours: number;
  status: 'not_started' | 'in_progress' | 'completed' | 'withdrawn';
  percent: number;
  due_at: Date | null;
  completed_at: Date | null;
}

const EXPORT_BATCH = 500;

type CourseTotal =
  | 'enrolled'
  | 'not_started'
  | 'in_progress'
  | 'overdue'
  | 'completed'
  | 'withdrawn'
  | 'avg_percent'
  | 'avg_time';

@Injectable()
export class ReportsService {
  constructor(private readonly reads: ReportingReader) {}

  /** Per-course figures for instructors and admins: status counts, averages, per-lesson done. */
  async courseReport(courseId: string) {
    const [course] = await this.reads.query<{ id: string; code: string }>(
      'SELECT id, code FROM courses WHERE id = $1',
      [courseId],
    );
    if (!course) throw notFound('Course');
    const [totals] = await this.reads.query<Record<CourseTotal, number>>(
      `SELECT count(*)::int AS enrolled,
              count(*) FILTER (WHERE status = 'not_started' AND (due_at IS NULL OR due_at >= now()))::int AS not_started,
              count(*) FILTER (WHERE status = 'in_progress' AND (due_at IS NULL OR due_at >= now()))::int AS in_progress,
              count(*) FILTER (WHERE status IN ('not_started','in_progress') AND due_at < now())::int AS overdue,
              count(*) FILTER (WHERE status = 'completed')::int AS completed,
              count(*) FILTER (WHERE status = 'withdrawn')::int AS withdrawn,
              COALESCE(round(avg(percent) FILTER (WHERE status <> 'withdrawn')), 0)::int AS avg_percent,
              COALESCE(round(avg(time_spent_seconds) FILTER (WHERE status <> 'withdrawn')), 0)::int AS avg_time
         FROM enrollments WHERE course_id = $1`,
      [courseId],
    );
    const lessons: {
      lesson_id: string;
      version_no: number;
      title_id: string;
      title_en: string;
      type: string;
      quiz_id: string | null;
      started: number;
      completed: number;
      avg_time: number;
    }[] = await this.reads.query(
      `SELECT l.id AS lesson_id, v.version_no, l.title_id, l.title_en, l.type, l.quiz_id,
              count(p.lesson_id)::int AS started,
              count(p.lesson_id) FILTER (WHERE p.status = 'completed')::int AS completed,
              COALESCE(round(avg(p.time_spent_seconds)), 0)::int AS avg_time
         FROM course_versions v
         JOIN course_modules m ON m.course_version_id = v.id
         JOIN lessons l ON l.module_id = m.id
         LEFT JOIN lesson_progress p ON p.lesson_id = l.id
        WHERE v.course_id = $1 AND v.status <> 'draft'
        GROUP BY l.id, v.version_no, m.position, l.position
        ORDER BY v.version_no DESC, m.position, l.position`,
      [courseId],
    );
    const versions = await this.reads.query<{ version_no: number; enrolled: number }>(
      `SELECT v.version_no, count(e.id) FILTER (WHERE e.status <> 'withdrawn')::int AS enrolled
         FROM course_versions v
         LEFT JOIN enrollments e ON e.course_version_id = v.id
        WHERE v.course_id = $1 AND v.status <> 'draft'
        GROUP BY v.version_no
        ORDER BY v.version_no DESC`,
      [courseId],
    );
    return {
      courseId,
      code: course.code,
      enrolled: totals.enrolled,
      byStatus: {
        not_started: totals.not_started,
        in_progress: totals.in_progress,
        overdue: totals.overdue,
        completed: totals.completed,
        withdrawn: totals.withdrawn,
      },
      averagePercent: totals.avg_percent,
      averageTimeSpentSeconds: totals.avg_time,
      lessons: lessons.map((l) => ({
        lessonId: l.lesson_id,
        versionNo: l.version_no,
        titleId: l.title_id,
        titleEn: l.title_en,
        type: l.type,
        quizId: l.quiz_id,
        started: l.started,
        completed: l.completed,
        averageTimeSpentSeconds: l.avg_time,
      })),
      versions: versions.map((v) => ({ versionNo: v.version_no, enrolled: v.enrolled })),
    };
  }

  /** HR their own organization; admins pick one with ?organizationId=. */
  organizationOf(actor: AuthUser, requested?: string): string {
    if (actor.role === Role.Hr) {
      const own = orgOf(actor);
      if (requested && requested !== own) throw notFound('Organization');
      return own;
    }
    if (!requested) {
      throw new DomainError('ORGANIZATION_REQUIRED', 'Pass ?organizationId= to choose one');
    }
    return requested;
  }

  async organizationReport(
    organizationId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<OrganizationReportRowView>> {
    const after = decodeCursor(cursor, ['text', 'uuid', 'uuid']) as OrgRowKey | null;
    const rows = await this.orgRows(organizationId, limit + 1, after);
    const page = toPage(rows, limit, (r) => [r.name, r.user_id, r.id]);
    const now = new Date();
    return { items: page.items.map((r) => this.toRow(r, now)), nextCursor: page.nextCursor };
  }

  async organizationName(organizationId: string): Promise<string> {
    const [org] = await this.reads.query<{ code: string }>(
      'SELECT code FROM organizations WHERE id = $1',
      [organizationId],
    );
    if (!org) throw notFound('Organization');
    return org.code;
  }

  /** Streams every row, reading the next keyset page only as the client consumes the last. */
  exportStream(organizationId: string, format: 'csv' | 'xlsx'): Readable {
    const batches = this.batches(organizationId);
    if (format === 'xlsx') return reportXlsx(batches);
    async function* csv() {
      yield '\uFEFF' + csvLine([...REPORT_COLUMNS]);
      for await (const rows of batches) yield rows.map((r) => csvLine(reportCells(r))).join('');
    }
    return Readable.from(csv(), { objectMode: false, highWaterMark: 1 });
  }

  private async *batches(organizationId: string): AsyncGenerator<OrganizationReportRowView[]> {
    let after: OrgRowKey | null = null;
    for (;;) {
      const rows = await this.orgRows(organizationId, EXPORT_BATCH, after);
      const now = new Date();
      if (rows.length) yield rows.map((row) => this.toRow(row, now));
      if (rows.length < EXPORT_BATCH) return;
      const last = rows[rows.length - 1];
      after = [last.name, last.user_id, last.id];
    }
  }

  private orgRows(
    organizationId: string,
    limit: number,
    after: OrgRowKey | null,
  ): Promise<OrgRow[]> {
    return this.reads.query(
      `SELECT e.id, e.user_id, u.name, u.employee_id, e.course_id, c.code, v.title_id, v.jp_hours,
              e.status, e.percent, e.due_at, e.completed_at
         FROM enrollments e
         JOIN users u ON u.id = e.user_id
         JOIN courses c ON c.id = e.course_id
         JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.organization_id = $1
          AND ($3::text IS NULL OR (u.name, e.user_id, e.id) > ($3::text, $4::uuid, $5::uuid))
        ORDER BY u.name, e.user_id, e.id
        LIMIT $2`,
      [organizationId, limit, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null],
    );
  }

  private toRow(r: OrgRow, now: Date): OrganizationReportRowView {
    const status = displayStatus(r.status, r.due_at, now);
    return {
      enrollmentId: r.id,
      userId: r.user_id,
      name: r.name,
      employeeId: r.employee_id,
      courseId: r.course_id,
      courseCode: r.code,
      courseTitle: r.title_id,
      status,
      percent: r.percent,
      jpHours: r.jp_hours,
      jpDone: r.status === 'completed' ? r.jp_hours : 0,
      dueAt: r.due_at,
      overdue: status === 'overdue',
      completedAt: r.completed_at,
    };
  }
}
