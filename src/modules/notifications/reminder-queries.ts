import {
  CERT_EXPIRED_WINDOW_DAYS,
  CERT_EXPIRING_THRESHOLDS_DAYS,
  DUE_SOON_THRESHOLDS_DAYS,
} from './domain/reminder-keys';

/**
 * One SQL statement per reminder kind. Each takes ($1 cursor id, $2 now, $3 page size, $4...),
 * reads one keyset page of candidates, inserts their outbox rows (ON CONFLICT DO NOTHING on the
 * idempotency key, see domain/reminder-keys.ts) and returns the last id seen and the new row ids.
 */
export interface ReminderKind {
  name: string;
  sql: string;
  /** Tables the query reads; a kind whose tables are not migrated yet is skipped. */
  tables: string[];
  /** Passes the default inactivity days as $4. */
  needsInactivityDefault?: boolean;
}

const TITLE = `CASE WHEN u.locale = 'en' THEN cv.title_en ELSE cv.title_id END`;
const CERT_TITLE = `CASE WHEN u.locale = 'en' THEN p.course_title_en ELSE p.course_title_id END`;
const OPEN = `e.status IN ('not_started', 'in_progress')`;
const NOW = `$2::timestamptz`;
const DAYS_BETWEEN = (later: string, earlier: string) =>
  `(extract(epoch FROM ${later} - ${earlier}) / 86400)`;
/** Calendar days in the recipient's time zone, at least 1: domain/day-count.ts calendarDaysLeft. */
const CALENDAR_DAYS_LEFT = (deadline: string) =>
  `greatest(1, (${deadline} AT TIME ZONE u.time_zone)::date - (${NOW} AT TIME ZONE u.time_zone)::date)`;
const daysFromNow = (days: number) => `${NOW} + interval '${Math.trunc(days)} days'`;

/** The widest threshold: how far ahead a kind looks at all. */
export function windowDays(thresholdsDays: readonly number[]): number {
  return Math.max(...thresholdsDays);
}

/**
 * SQL picking the tightest threshold `column` falls under, as `thresholdFor` does; the caller's
 * WHERE keeps `column` within (now, now + windowDays].
 */
export function thresholdCaseSql(column: string, thresholdsDays: readonly number[]): string {
  const ascending = [...thresholdsDays].sort((a, b) => a - b);
  const widest = ascending.pop()!;
  const whens = ascending.map((d) => `WHEN ${column} <= ${daysFromNow(d)} THEN ${d}`).join(' ');
  return `CASE ${whens} ELSE ${widest} END`;
}

function pagedInsert(
  pageSql: string,
  template: string,
  category: string,
  select: string,
  joins: string,
): string {
  return `WITH page AS (${pageSql}),
  ins AS (
    INSERT INTO email_outbox (user_id, recipient, template, locale, category, data, idempotency_key)
    SELECT u.id, u.email, '${template}', u.locale, '${category}', ${select}
      FROM page p JOIN users u ON u.id = p.user_id AND u.is_active ${joins}
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id::text)
  SELECT (SELECT id::text FROM page ORDER BY id DESC LIMIT 1) AS last_id,
         (SELECT count(*)::int FROM page) AS seen,
         coalesce((SELECT array_agg(id) FROM ins), '{}'::text[]) AS ids`;
}

const ENROLLMENT_JOIN = 'JOIN course_versions cv ON cv.id = p.course_version_id';

export const DUE_SOON: ReminderKind = {
  name: 'due_soon',
  tables: ['enrollments'],
  sql: pagedInsert(
    `SELECT e.id, e.user_id, e.course_id, e.course_version_id, e.due_at FROM enrollments e
      WHERE e.id > $1::uuid AND ${OPEN} AND e.due_at > ${NOW}
        AND e.due_at <= ${daysFromNow(windowDays(DUE_SOON_THRESHOLDS_DAYS))}
      ORDER BY e.id LIMIT $3`,
    'enrollment_due_soon',
    'reminder',
    `jsonb_build_object('learnerName', u.name, 'courseTitle', ${TITLE}, 'dueAt', p.due_at,
        'daysLeft', ${CALENDAR_DAYS_LEFT('p.due_at')},
        'courseUrl', '/courses/' || p.course_id),
     'due:' || p.id || ':' || ${thresholdCaseSql('p.due_at', DUE_SOON_THRESHOLDS_DAYS)}`,
    ENROLLMENT_JOIN,
  ),
};

export const OVERDUE: ReminderKind = {
  name: 'overdue',
  tables: ['enrollments'],
  sql: pagedInsert(
    `SELECT e.id, e.user_id, e.course_id, e.course_version_id, e.due_at FROM enrollments e
      WHERE e.id > $1::uuid AND ${OPEN} AND e.due_at <= ${NOW}
      ORDER BY e.id LIMIT $3`,
    'enrollment_overdue',
    'reminder',
    `jsonb_build_object('learnerName', u.name, 'courseTitle', ${TITLE}, 'dueAt', p.due_at,
        'daysOverdue', greatest(1, floor(${DAYS_BETWEEN(NOW, 'p.due_at')}))::int,
        'courseUrl', '/courses/' || p.course_id),
     'overdue:' || p.id || ':w' || floor(${DAYS_BETWEEN(NOW, 'p.due_at')} / 7)::int`,
    ENROLLMENT_JOIN,
  ),
};

/** $4 = default inactivity days. Overdue enrollments get the overdue mail instead. */
export const INACTIVITY: ReminderKind = {
  name: 'inactivity',
  tables: ['enrollments'],
  needsInactivityDefault: true,
  sql: pagedInsert(
    `SELECT e.id, e.user_id, e.course_id, e.course_version_id,
            coalesce(e.last_activity_at, e.started_at, e.created_at) AS last_activity_at
       FROM enrollments e LEFT JOIN course_notification_settings s ON s.course_id = e.course_id
      WHERE e.id > $1::uuid AND ${OPEN} AND (e.due_at IS NULL OR e.due_at > ${NOW})
        AND coalesce(e.last_activity_at, e.started_at, e.created_at)
            <= ${NOW} - make_interval(days => coalesce(s.inactivity_days, $4::int))
      ORDER BY e.id LIMIT $3`,
    'inactivity',
    'reminder',
    `jsonb_build_object('learnerName', u.name, 'courseTitle', ${TITLE},
        'inactiveDays', greatest(1, floor(${DAYS_BETWEEN(NOW, 'p.last_activity_at')}))::int,
        'courseUrl', '/courses/' || p.course_id),
     'inactive:' || p.id || ':' || floor(extract(epoch FROM p.last_activity_at))::bigint`,
    ENROLLMENT_JOIN,
  ),
};

const CURRENT_CERT = `c.status = 'issued' AND NOT EXISTS (
  SELECT 1 FROM certificates r WHERE r.renews_certificate_id = c.id AND r.status IN ('pending', 'issued'))`;

export const CERT_EXPIRING: ReminderKind = {
  name: 'certificate_expiring',
  tables: ['certificates'],
  sql: pagedInsert(
    `SELECT c.id, c.user_id, c.course_id, c.number, c.expires_at, c.course_title_id, c.course_title_en
       FROM certificates c
      WHERE c.id > $1::uuid AND ${CURRENT_CERT}
        AND c.expires_at > ${NOW}
        AND c.expires_at <= ${daysFromNow(windowDays(CERT_EXPIRING_THRESHOLDS_DAYS))}
      ORDER BY c.id LIMIT $3`,
    'certificate_expiring',
    'reminder',
    `jsonb_build_object('learnerName', u.name, 'courseTitle', ${CERT_TITLE},
        'certificateNumber', p.number, 'expiresAt', p.expires_at,
        'daysLeft', ${CALENDAR_DAYS_LEFT('p.expires_at')},
        'renewUrl', '/courses/' || p.course_id),
     'cert-expiring:' || p.id || ':' || ${thresholdCaseSql('p.expires_at', CERT_EXPIRING_THRESHOLDS_DAYS)}`,
    '',
  ),
};

/** Only certificates that expired in the last 30 days: no mail storm for long-expired ones. */
export const CERT_EXPIRED: ReminderKind = {
  name: 'certificate_expired',
  tables: ['certificates'],
  sql: pagedInsert(
    `SELECT c.id, c.user_id, c.course_id, c.number, c.expires_at, c.course_title_id, c.course_title_en
       FROM certificates c
      WHERE c.id > $1::uuid AND ${CURRENT_CERT}
        AND c.expires_at <= ${NOW}
        AND c.expires_at > ${NOW} - interval '${CERT_EXPIRED_WINDOW_DAYS} days'
      ORDER BY c.id LIMIT $3`,
    'certificate_expired',
    'reminder',
    `jsonb_build_object('learnerName', u.name, 'courseTitle', ${CERT_TITLE},
        'certificateNumber', p.number, 'expiredAt', p.expires_at,
        'renewUrl', '/courses/' || p.course_id),
     'cert-expired:' || p.id`,
    '',
  ),
};

export const ALL_REMINDER_KINDS = [DUE_SOON, OVERDUE, INACTIVITY, CERT_EXPIRING, CERT_EXPIRED];
