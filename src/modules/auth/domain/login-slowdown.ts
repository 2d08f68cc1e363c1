export interface SlowdownPolicy {
  /** Failures per account (all IPs together) in the window before attempts are delayed. */
  afterFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before checking a password, given the account's failed attempts across all IPs in the
 * window (this attempt included): none up to the threshold, then base, 2 x base, 4 x base, ...
 * capped. The account is never locked by this; only (account, IP) pairs are.
 */
export function loginDelayMs(failuresInWindow: number, policy: SlowdownPolicy): number {
  const over = failuresInWindow - policy.afterFailures;
  if (over <= 0 || policy.baseDelayMs <= 0) return 0;
  const doublings = Math.min(over - 1, 30);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** doublings);
}
