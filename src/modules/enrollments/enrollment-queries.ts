import type { DataSource, EntityManager } from 'typeorm';
import type { Enrollment } from './entities/enrollment.entity';

/**
 * The enrollments module's statements that read other modules' tables (users, course
 * versions): who may be enrolled, the organization an enrollment inherits from its learner,
 * and enrollment rows shown with their version's titles or their learner's name.
 * Read-only towards those tables; the writes are to enrollments only.
 */
type Db = DataSource | EntityManager;

/** The partial unique index: one active enrollment per learner and course. */
export const ACTIVE_CONFLICT = `ON CONFLICT (user_id, course_id) WHERE status IN ('not_started', 'in_progress')`;

export interface EnrollmentRow {
  id: string;
  user_id: string;
  organization_id: string | null;
  course_id: string;
  course_version_id: string;
  version_no: number;
  title_id: string;
  title_en: string;
  jp_hours: number;
  status: Enrollment['status'];
  due_at: Date | null;
  started_at: Date | null;
  completed_at: Date | null;
  time_spent_seconds: number;
  percent: number;
  created_at: Date;
}

export type RosterRow = EnrollmentRow & { name: string; email: string };

const ENROLLMENT_COLUMNS = `e.id, e.user_id, e.organization_id, e.course_id, e.course_version_id,
  v.version_no, v.title_id, v.title_en, v.jp_hours, e.status, e.due_at, e.started_at,
  e.completed_at, e.time_spent_seconds, e.percent, e.created_at`;

/** SQL for the derived status filter, matching `displayStatus`. */
export function statusFilter(status: string | undefined): string {
  if (!status) return '';
  if (status === 'overdue') {
    return `AND e.status IN ('not_started','in_progress') AND e.due_at < now()`;
  }
  if (status === 'not_started' || status === 'in_progress') {
    return `AND e.status = '${status}' AND (e.due_at IS NULL OR e.due_at >= now())`;
  }
  return `AND e.status = '${status === 'completed' ? 'completed' : 'withdrawn'}'`;
}

/** Enrolls a user in their own organization; no row back when they already have an active one. */
export function insertSelfEnrollment(
  db: Db,
  input: { userId: string; courseId: string; versionId: string },
): Promise<{ id: string }[]> {
  return db.query(
    `INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id)
     SELECT u.id, u.organization_id, $2, $3 FROM users u WHERE u.id = $1
     ${ACTIVE_CONFLICT} DO NOTHING RETURNING id`,
    [input.userId, input.courseId, input.versionId],
  );
}

/** A renewal enrollment, or the active one marked as the renewal; undefined for no such user. */
export async function upsertRenewalEnrollment(
  db: Db,
  input: {
    userId: string;
    courseId: string;
    versionId: string;
    dueAt: Date | null;
    assignedById: string;
    renewalOfCertificateId: string;
  },
): Promise<{ id: string } | undefined> {
  const [row]: { id: string }[] = await db.query(
    `INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id, due_at,
                              assigned_by_id, renewal_of_certificate_id)
     SELECT u.id, u.organization_id, $2, $3, $4, $5, $6 FROM users u WHERE u.id = $1
     ${ACTIVE_CONFLICT}
     DO UPDATE SET renewal_of_certificate_id =
       COALESCE(enrollments.renewal_of_certificate_id, EXCLUDED.renewal_of_certificate_id),
       updated_at = now()
     RETURNING id`,
    [
      input.userId,
      input.courseId,
      input.versionId,
      input.dueAt,
      input.assignedById,
      input.renewalOfCertificateId,
    ],
  );
  return row;
}

/** Which of `userIds` are active learners of the organization (HR may assign only those). */
export async function activeLearnerIds(
  db: Db,
  organizationId: string,
  userIds: string[],
): Promise<Set<string>> {
  const rows: { id: string }[] = await db.query(
    `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND organization_id = $2
       AND role = 'learner' AND is_active`,
    [userIds, organizationId],
  );
  return new Set(rows.map((r) => r.id));
}

/** Active learners of the organization with these employee ids. */
export function activeLearnersByEmployeeId(
  db: Db,
  organizationId: string,
  employeeIds: string[],
): Promise<{ id: string; employee_id: string }[]> {
  return db.query(
    `SELECT id, employee_id FROM users WHERE organization_id = $1 AND role = 'learner'
       AND is_active AND employee_id = ANY($2::text[])`,
    [organizationId, employeeIds],
  );
}

/** Enrollments with their version's number and titles; `where` uses `e.` for enrollments. */
export function enrollmentRows(db: Db, where: string, params: unknown[]): Promise<EnrollmentRow[]> {
  return db.query(
    `SELECT ${ENROLLMENT_COLUMNS}
       FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id ${where}`,
    params,
  );
}

/** One keyset page (newest first) of a course's enrollments with each learner's name and e-mail. */
export function rosterRows(
  db: Db,
  courseId: string,
  page: { status?: string; after: (string | number)[] | null; limit: number },
): Promise<RosterRow[]> {
  const params: unknown[] = [courseId, page.limit];
  let keyset = '';
  if (page.after) {
    params.push(page.after[0], page.after[1]);
    keyset = `AND (e.created_at, e.id) < ($3, $4)`;
  }
  return db.query(
    `SELECT ${ENROLLMENT_COLUMNS}, u.name, u.email
       FROM enrollments e
       JOIN course_versions v ON v.id = e.course_version_id
       JOIN users u ON u.id = e.user_id
      WHERE e.course_id = $1 ${statusFilter(page.status)} ${keyset}
      ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
    params,
  );
}

/** Whether the user is a learner (active or not) of the organization: HR may see their training. */
export async function isLearnerOf(
  db: Db,
  organizationId: string,
  userId: string,
): Promise<boolean> {
  const rows: unknown[] = await db.query(
    `SELECT 1 FROM users WHERE id = $1 AND organization_id = $2 AND role = 'learner'`,
    [userId, organizationId],
  );
  return rows.length > 0;
}

export interface AssignmentStandingRow {
  user_id: string;
  name: string;
  employee_id: string | null;
  active_enrollment_id: string | null;
  active_due_at: Date | null;
  last_completed_at: Date | null;
}

/** Per learner: their active enrollment on the course (if any) and their latest completion. */
export function assignmentStandings(
  db: Db,
  courseId: string,
  userIds: string[],
): Promise<AssignmentStandingRow[]> {
  return db.query(
    `SELECT u.id AS user_id, u.name, u.employee_id,
            a.id AS active_enrollment_id, a.due_at AS active_due_at,
            (SELECT max(c.completed_at) FROM enrollments c
              WHERE c.user_id = u.id AND c.course_id = $1 AND c.status = 'completed')
              AS last_completed_at
       FROM users u
       LEFT JOIN enrollments a ON a.user_id = u.id AND a.course_id = $1
            AND a.status IN ('not_started', 'in_progress')
      WHERE u.id = ANY($2::uuid[])
      ORDER BY u.name, u.id`,
    [courseId, userIds],
  );
}
