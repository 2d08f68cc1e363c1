import {
  CERT_EXPIRED_WINDOW_DAYS,
  CERT_EXPIRING_THRESHOLDS_DAYS,
  DUE_SOON_THRESHOLDS_DAYS,
  thresholdFor,
} from './domain/reminder-keys';
import {
  CERT_EXPIRED,
  CERT_EXPIRING,
  DUE_SOON,
  thresholdCaseSql,
  windowDays,
} from './reminder-queries';

const DAY_MS = 86_400_000;
const flat = (sql: string) => sql.replace(/\s+/g, ' ');
const within = (column: string, days: number) =>
  `${column} <= $2::timestamptz + interval '${days} days'`;

describe('reminder SQL built from the domain thresholds', () => {
  it('picks the tightest threshold first, the same boundaries thresholdFor uses', () => {
    expect(thresholdCaseSql('x', [7, 3, 1])).toBe(
      `CASE WHEN ${within('x', 1)} THEN 1 WHEN ${within('x', 3)} THEN 3 ELSE 7 END`,
    );
    // `<=` in SQL: exactly d days left still falls under threshold d.
    for (const d of DUE_SOON_THRESHOLDS_DAYS) expect(thresholdFor(d * DAY_MS, [7, 3, 1])).toBe(d);
    expect(thresholdFor(1 * DAY_MS + 1, [7, 3, 1])).toBe(3);
  });

  it('due-soon looks as far ahead as its widest threshold and keys by the threshold', () => {
    const sql = flat(DUE_SOON.sql);
    const widest = windowDays(DUE_SOON_THRESHOLDS_DAYS);
    expect(widest).toBe(7);
    expect(sql).toContain(`AND ${within('e.due_at', widest)}`);
    expect(sql).toContain(thresholdCaseSql('p.due_at', DUE_SOON_THRESHOLDS_DAYS));
    expect(thresholdFor(widest * DAY_MS + 1, DUE_SOON_THRESHOLDS_DAYS)).toBeNull();
  });

  it('certificate expiring and expired windows come from the same constants', () => {
    const expiring = flat(CERT_EXPIRING.sql);
    expect(windowDays(CERT_EXPIRING_THRESHOLDS_DAYS)).toBe(90);
    expect(expiring).toContain(`AND ${within('c.expires_at', 90)}`);
    expect(expiring).toContain(thresholdCaseSql('p.expires_at', CERT_EXPIRING_THRESHOLDS_DAYS));
    expect(thresholdFor(7 * DAY_MS, CERT_EXPIRING_THRESHOLDS_DAYS)).toBe(7);
    expect(flat(CERT_EXPIRED.sql)).toContain(
      `c.expires_at > $2::timestamptz - interval '${CERT_EXPIRED_WINDOW_DAYS} days'`,
    );
  });
});
