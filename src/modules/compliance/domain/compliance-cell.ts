/**
 * The state of one employee × competency cell of the compliance matrix, and the SQL that mirrors
 * it (the matrix and the summary compute cells in the database; compliance-cell.spec.ts and
 * test/compliance-cell-sql.e2e-spec.ts pin the two to each other).
 *
 * Precedence, for every certificate and enrollment the employee has in courses of one competency:
 * 1. A valid certificate wins (issued, not expired): the one valid longest (no expiry beats any
 *    date) gives `validUntil`; `expiring` when that date is within EXPIRING_WINDOW_DAYS, else
 *    `valid`. A newer valid certificate therefore supersedes an expired one.
 * 2. Otherwise an open enrollment (not started or in progress) past its due date: `overdue`.
 * 3. Otherwise an open enrollment: `in_progress`.
 * 4. Otherwise an issued certificate whose expiry has passed: `expired`.
 * 5. Otherwise `none`. Pending, failed, revoked and superseded certificates, and completed or
 *    withdrawn enrollments, never decide a cell.
 */
export type CellState = 'valid' | 'expiring' | 'expired' | 'in_progress' | 'overdue' | 'none';

export const CELL_STATES: readonly CellState[] = [
  'valid',
  'expiring',
  'expired',
  'in_progress',
  'overdue',
  'none',
];

/** A valid certificate is `expiring` when it runs out within this many days. */
export const EXPIRING_WINDOW_DAYS = 90;
/** The dashboard's expiring buckets, each counting certificates ending within that many days. */
export const EXPIRING_BUCKETS_DAYS = [30, 60, 90] as const;

export interface CellCertificateFact {
  status: 'pending' | 'issued' | 'failed' | 'revoked' | 'superseded';
  expiresAt: Date | null;
}

export interface CellEnrollmentFact {
  status: 'not_started' | 'in_progress' | 'completed' | 'withdrawn';
  dueAt: Date | null;
}

export interface CellFacts {
  certificates: readonly CellCertificateFact[];
  enrollments: readonly CellEnrollmentFact[];
}

export interface Cell {
  state: CellState;
  /** The deciding valid certificate's expiry; null when it never expires or no valid one. */
  validUntil: Date | null;
}

const DAY_MS = 86_400_000;

export function complianceCell(facts: CellFacts, now: Date): Cell {
  const t = now.getTime();
  const valid = facts.certificates.filter(
    (c) => c.status === 'issued' && (c.expiresAt === null || c.expiresAt.getTime() >= t),
  );
  if (valid.length > 0) {
    const validUntil = valid.some((c) => c.expiresAt === null)
      ? null
      : new Date(Math.max(...valid.map((c) => c.expiresAt!.getTime())));
    const expiring =
      validUntil !== null && validUntil.getTime() <= t + EXPIRING_WINDOW_DAYS * DAY_MS;
    return { state: expiring ? 'expiring' : 'valid', validUntil };
  }
  const open = facts.enrollments.filter(
    (e) => e.status === 'not_started' || e.status === 'in_progress',
  );
  if (open.some((e) => e.dueAt !== null && e.dueAt.getTime() < t)) {
    return { state: 'overdue', validUntil: null };
  }
  if (open.length > 0) return { state: 'in_progress', validUntil: null };
  const expired = facts.certificates.some(
    (c) => c.status === 'issued' && c.expiresAt !== null && c.expiresAt.getTime() < t,
  );
  return { state: expired ? 'expired' : 'none', validUntil: null };
}

/**
 * SQL aggregates mirroring `complianceCell`, over certificates `c` and enrollments `e` of one
 * employee and one competency (the caller groups by both); `now` is an SQL timestamptz expression.
 * Columns: valid_until (timestamptz), never_expires, has_valid, has_overdue, has_open, has_expired.
 */
export function cellFactsSql(now: string): {
  certificateAggregates: string;
  enrollmentAggregates: string;
} {
  const valid = `c.status = 'issued' AND (c.expires_at IS NULL OR c.expires_at >= ${now})`;
  const open = `e.status IN ('not_started', 'in_progress')`;
  return {
    certificateAggregates: `coalesce(bool_or(${valid}), false) AS has_valid,
      coalesce(bool_or(${valid} AND c.expires_at IS NULL), false) AS never_expires,
      max(c.expires_at) FILTER (WHERE ${valid}) AS valid_until,
      coalesce(bool_or(c.status = 'issued' AND c.expires_at < ${now}), false) AS has_expired`,
    enrollmentAggregates: `coalesce(bool_or(${open} AND e.due_at < ${now}), false) AS has_overdue,
      coalesce(bool_or(${open}), false) AS has_open`,
  };
}

/** The cell state from the aggregates of `cellFactsSql`, in `complianceCell`'s precedence. */
export function cellStateSql(now: string, f = 'f'): string {
  return `CASE
    WHEN ${f}.has_valid AND NOT ${f}.never_expires
      AND ${f}.valid_until <= ${now} + interval '${EXPIRING_WINDOW_DAYS} days' THEN 'expiring'
    WHEN ${f}.has_valid THEN 'valid'
    WHEN ${f}.has_overdue THEN 'overdue'
    WHEN ${f}.has_open THEN 'in_progress'
    WHEN ${f}.has_expired THEN 'expired'
    ELSE 'none' END`;
}

/** The `validUntil` of `complianceCell` from the aggregates of `cellFactsSql`. */
export function cellValidUntilSql(f = 'f'): string {
  return `CASE WHEN ${f}.has_valid AND NOT ${f}.never_expires THEN ${f}.valid_until END`;
}
