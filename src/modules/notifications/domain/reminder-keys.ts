/**
 * Idempotency keys: one mail per key, ever. The scan SQL builds the same strings; these
 * functions are the reference (and what the tests assert on).
 */
export const DUE_SOON_THRESHOLDS_DAYS = [7, 3, 1] as const;
export const CERT_EXPIRING_THRESHOLDS_DAYS = [90, 30, 7] as const;
/** An expired certificate is mailed only within this many days after expiry (no storm for old ones). */
export const CERT_EXPIRED_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const dueSoonKey = (enrollmentId: string, days: number) => `due:${enrollmentId}:${days}`;
export const overdueKey = (enrollmentId: string, week: number) =>
  `overdue:${enrollmentId}:w${week}`;
export const inactivityKey = (enrollmentId: string, lastActivity: Date) =>
  `inactive:${enrollmentId}:${Math.floor(lastActivity.getTime() / 1000)}`;
export const certExpiringKey = (certificateId: string, days: number) =>
  `cert-expiring:${certificateId}:${days}`;
export const certExpiredKey = (certificateId: string) => `cert-expired:${certificateId}`;
export const certIssuedKey = (certificateId: string) => `cert-issued:${certificateId}`;
export const enrolledKey = (enrollmentId: string) => `enrolled:${enrollmentId}`;
export const hrDigestKey = (hrUserId: string, now: Date) => `hr-digest:${hrUserId}:${isoWeek(now)}`;

/** The tightest threshold the remaining time falls under, or null when outside all of them. */
export function thresholdFor(msLeft: number, thresholdsDays: readonly number[]): number | null {
  if (msLeft <= 0) return null;
  const fitting = thresholdsDays.filter((d) => msLeft <= d * DAY_MS);
  return fitting.length ? Math.min(...fitting) : null;
}

/** 0 for the first week after the due date, 1 for the second, ... */
export function weeksOverdue(dueAt: Date, now: Date): number {
  return Math.floor((now.getTime() - dueAt.getTime()) / WEEK_MS);
}

/** ISO 8601 week, e.g. "2026-W48" (UTC). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
