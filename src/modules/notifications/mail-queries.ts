/**
 * The notifications module's reads of other modules' tables (users, organizations, courses,
 * enrollments, certificates), kept here so the services hold no cross-module SQL. Read-only
 * except where the SELECT feeds this module's own `email_outbox` insert. The reminder scans are
 * in reminder-queries.ts.
 */

/** $1 user ids -> each recipient's address and locale. */
export const RECIPIENTS_SQL = 'SELECT id, email, locale FROM users WHERE id = ANY($1::uuid[])';

/** $1 user id -> the user's organization, for the audit entry of an unsubscribe. */
export const USER_ORGANIZATION_SQL = 'SELECT organization_id FROM users WHERE id = $1';

/** $1 course id -> a row when the course exists. */
export const COURSE_EXISTS_SQL = 'SELECT 1 FROM courses WHERE id = $1';

/** $1 certificate ids -> the data of their "certificate issued" mails, once issued. */
export const CERTIFICATE_ISSUED_SQL = `SELECT c.id, c.user_id, c.number, c.verification_code, c.storage_key,
              c.course_title_id, c.course_title_en, u.name AS learner_name, u.locale
         FROM certificates c JOIN users u ON u.id = c.user_id
        WHERE c.id = ANY($1::uuid[]) AND c.status = 'issued'`;

/** $1 enrollment ids -> one "enrolled by HR" outbox row each (idempotent on the key). */
export const INSERT_ENROLLED_BY_HR_SQL = `INSERT INTO email_outbox (user_id, recipient, template, locale, category, data, idempotency_key)
       SELECT u.id, u.email, 'enrolled_by_hr', u.locale, 'notification',
              jsonb_build_object(
                'learnerName', u.name,
                'courseTitle', CASE WHEN u.locale = 'en' THEN cv.title_en ELSE cv.title_id END,
                'dueAt', e.due_at,
                'organizationName', o.name,
                'courseUrl', '/courses/' || e.course_id),
              'enrolled:' || e.id
         FROM enrollments e
         JOIN users u ON u.id = e.user_id AND u.is_active
         JOIN course_versions cv ON cv.id = e.course_version_id
         JOIN organizations o ON o.id = e.organization_id
        WHERE e.id = ANY($1::uuid[])
       ON CONFLICT (idempotency_key) DO NOTHING`;

/** HR weekly digest: $1 cursor id, $2 page size -> the next page of organizations. */
export const DIGEST_ORGANIZATIONS_SQL =
  'SELECT id::text, name FROM organizations WHERE id > $1::uuid ORDER BY id LIMIT $2';

/** HR weekly digest: $1 organization id -> its active HR users. */
export const DIGEST_HR_USERS_SQL = `SELECT id::text, email, name, locale FROM users
        WHERE organization_id = $1 AND role = 'hr' AND is_active ORDER BY id`;

/** HR weekly digest: $1 organization id, $2 now -> its overdue enrollments. */
export const digestOverdueSql = (
  maxRows: number,
) => `SELECT u.name AS "learnerName", cv.title_id, cv.title_en, e.due_at AS "dueAt"
         FROM enrollments e
         JOIN users u ON u.id = e.user_id AND u.is_active
         JOIN course_versions cv ON cv.id = e.course_version_id
        WHERE e.organization_id = $1 AND e.status IN ('not_started', 'in_progress') AND e.due_at <= $2
        ORDER BY e.due_at, e.id LIMIT ${maxRows}`;

/** HR weekly digest: $1 organization id, $2 now, $3 time zone -> certificates expiring this month. */
export const digestExpiringSql = (
  maxRows: number,
) => `SELECT u.name AS "learnerName", c.course_title_id AS title_id, c.course_title_en AS title_en,
              c.number AS "certificateNumber", c.expires_at AS "expiresAt"
         FROM certificates c JOIN users u ON u.id = c.user_id AND u.is_active
        WHERE c.organization_id = $1 AND c.status = 'issued' AND c.expires_at > $2
          AND c.expires_at < ((date_trunc('month', $2::timestamptz AT TIME ZONE $3) + interval '1 month') AT TIME ZONE $3)
        ORDER BY c.expires_at, c.id LIMIT ${maxRows}`;
