/**
 * The outbox's rules without IndexedDB or the network (unit-tested): which entry replaces
 * which, the order of sending, what a failed send means and how long to wait before retrying.
 */

/** One request waiting to reach the server. */
export interface OutboxEntry {
  /** Same key = same thing (e.g. one question of one attempt): the newer replaces the older. */
  key: string;
  /** Order of sending; a replacement takes a new, higher number. */
  seq: number;
  kind: 'answer' | 'heartbeat';
  method: 'PUT' | 'POST';
  path: string;
  body?: unknown;
  /** Device time when the learner gave it (for display only; the server never trusts it). */
  queuedAt: number;
}

/** The entries with `entry` added; an older entry with the same key is dropped. */
export function putEntry(entries: readonly OutboxEntry[], entry: OutboxEntry): OutboxEntry[] {
  return [...entries.filter((e) => e.key !== entry.key), entry].sort((a, b) => a.seq - b.seq);
}

/** The next sequence number after the entries'. */
export function nextSeq(entries: readonly OutboxEntry[], last = 0): number {
  return Math.max(last, ...entries.map((e) => e.seq)) + 1;
}

/**
 * The entries after `sent` reached the server: it goes only if it was not replaced meanwhile
 * (a newer answer for the same question, queued while the older one was on the wire, stays).
 */
export function removeSent(entries: readonly OutboxEntry[], sent: OutboxEntry): OutboxEntry[] {
  return entries.filter((e) => !(e.key === sent.key && e.seq === sent.seq));
}

export type SendOutcome = 'sent' | 'retry' | 'refused';

/**
 * What an HTTP status means for a queued request: no answer at all (0), a lost session (401),
 * throttling (429) or a server fault (5xx) are retried; any other refusal is final.
 */
export function outcomeOf(status: number): SendOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) {
    return 'retry';
  }
  return 'refused';
}

export const RETRY_BASE_MS = 2_000;
export const RETRY_MAX_MS = 60_000;

/** Wait before the next flush after `failures` failed flushes in a row (doubling, capped). */
export function retryDelay(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, failures));
}

export const answerKey = (attemptId: string, questionId: string) =>
  `answer:${attemptId}:${questionId}`;
export const heartbeatKey = (enrollmentId: string, lessonId: string) =>
  `heartbeat:${enrollmentId}:${lessonId}`;
