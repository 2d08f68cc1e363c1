export type PublicStatus = 'pending' | 'failed' | 'valid' | 'expired' | 'revoked' | 'superseded';

export interface StatusFacts {
  status: 'pending' | 'issued' | 'failed' | 'revoked' | 'superseded';
  expiresAt: Date | null;
}

/** What a certificate is right now: `expired` is derived from `expires_at`, never stored. */
export function effectiveStatus(facts: StatusFacts, now: Date): PublicStatus {
  if (facts.status !== 'issued') return facts.status;
  return facts.expiresAt && facts.expiresAt.getTime() < now.getTime() ? 'expired' : 'valid';
}

/** `completedAt` + whole months, clamped to the month's last day; 0 months = no expiry. */
export function expiryFrom(completedAt: Date, validityMonths: number): Date | null {
  if (!validityMonths || validityMonths <= 0) return null;
  const d = new Date(completedAt.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + validityMonths);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}
