import type { SmtpFailureKind } from '@app/mailer';

export type FailureDecision = 'retry' | 'failed';

/** A transient failure is retried until the row has used up its attempts; a permanent one never. */
export function decideAfterFailure(
  kind: SmtpFailureKind,
  attemptsMade: number,
  maxAttempts: number,
): FailureDecision {
  if (kind === 'permanent') return 'failed';
  return attemptsMade >= maxAttempts ? 'failed' : 'retry';
}

const USER_UNKNOWN_TEXT =
  /user unknown|unknown user|no such user|mailbox (unavailable|not found|does not exist)|recipient (address )?rejected|does not exist/i;

/** A permanent "this mailbox does not exist" reply: the address goes on the suppression list. */
export function isUserUnknown(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { responseCode, response } = err as { responseCode?: unknown; response?: unknown };
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode >= 600) return false;
  const text = typeof response === 'string' ? response : '';
  return /\b5\.1\.[01]\b/.test(text) || USER_UNKNOWN_TEXT.test(text);
}

/** One line, bounded, for last_error. */
export function describeError(err: unknown, max = 1000): string {
  const e = err as { responseCode?: number; code?: string; message?: string };
  const parts = [e?.responseCode, e?.code, e?.message ?? String(err)].filter(
    (p) => p !== undefined && p !== null && p !== '',
  );
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, max);
}
