import {
  answerKey,
  heartbeatKey,
  nextSeq,
  outcomeOf,
  putEntry,
  removeSent,
  retryDelay,
  RETRY_MAX_MS,
  type OutboxEntry,
} from './offline-queue-core';

const entry = (key: string, seq: number, body: unknown = {}): OutboxEntry => ({
  key,
  seq,
  kind: 'answer',
  method: 'PUT',
  path: `/x/${key}`,
  body,
  queuedAt: 0,
});

describe('outbox rules', () => {
  it('a newer answer for the same question replaces the older one and goes last', () => {
    let q: OutboxEntry[] = [];
    q = putEntry(q, entry('q1', 1, { text: 'a' }));
    q = putEntry(q, entry('q2', 2));
    q = putEntry(q, entry('q1', 3, { text: 'b' }));
    expect(q.map((e) => [e.key, e.seq])).toEqual([
      ['q2', 2],
      ['q1', 3],
    ]);
    expect(q[1].body).toEqual({ text: 'b' });
  });

  it('keeps the sending order by sequence', () => {
    const q = [entry('b', 5), entry('a', 2)].reduce<OutboxEntry[]>(putEntry, []);
    expect(q.map((e) => e.key)).toEqual(['a', 'b']);
    expect(nextSeq(q)).toBe(6);
    expect(nextSeq([], 9)).toBe(10);
  });

  it('a sent entry leaves, unless a newer one replaced it while it was on the wire', () => {
    const sent = entry('q1', 1);
    expect(removeSent([sent, entry('q2', 2)], sent).map((e) => e.key)).toEqual(['q2']);
    const replaced = putEntry([sent], entry('q1', 4));
    expect(removeSent(replaced, sent)).toEqual(replaced);
  });

  it('retries what never reached a working server and drops final refusals', () => {
    expect(outcomeOf(200)).toBe('sent');
    expect(outcomeOf(0)).toBe('retry');
    expect(outcomeOf(401)).toBe('retry');
    expect(outcomeOf(429)).toBe('retry');
    expect(outcomeOf(503)).toBe('retry');
    expect(outcomeOf(409)).toBe('refused');
    expect(outcomeOf(404)).toBe('refused');
  });

  it('backs off by doubling up to a cap', () => {
    expect([0, 1, 2, 3].map(retryDelay)).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelay(20)).toBe(RETRY_MAX_MS);
  });

  it('keys answers by attempt and question, heartbeats by enrollment and lesson', () => {
    expect(answerKey('a1', 'q1')).not.toBe(answerKey('a1', 'q2'));
    expect(heartbeatKey('e', 'l')).toBe('heartbeat:e:l');
  });
});
