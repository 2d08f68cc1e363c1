/**
 * A small durable outbox (IndexedDB): answers and heartbeats are written here first and sent
 * from here, so nothing given offline is lost on a reload. Sent in order on `online`, right
 * after each put, and on a timer that backs off while the server stays out of reach.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { useSyncExternalStore } from 'react';
import { ApiError, api } from './api';
import {
  nextSeq,
  outcomeOf,
  putEntry,
  removeSent,
  retryDelay,
  type OutboxEntry,
} from './offline-queue-core';

export type { OutboxEntry };

/** A queued request the server refused for good (e.g. an answer after the deadline). */
export interface Refusal {
  key: string;
  code: string;
}

interface Snapshot {
  entries: readonly OutboxEntry[];
  refusals: readonly Refusal[];
  /** A flush is on the wire. */
  sending: boolean;
  online: boolean;
  /** Last send reached no server. */
  unreachable: boolean;
}

const STORE = 'entries';
let db: Promise<IDBPDatabase> | undefined;
let lastSeq = 0;
let failures = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let flushing: Promise<void> | undefined;
let started = false;
const listeners = new Set<() => void>();
let snapshot: Snapshot = {
  entries: [],
  refusals: [],
  sending: false,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  unreachable: false,
};

function database(): Promise<IDBPDatabase> {
  db ??= openDB('k3-outbox', 1, {
    upgrade(d) {
      d.createObjectStore(STORE, { keyPath: 'key' });
    },
  });
  return db;
}

function update(patch: Partial<Snapshot>) {
  snapshot = { ...snapshot, ...patch };
  for (const l of listeners) l();
}

function schedule(ms: number) {
  clearTimeout(timer);
  timer = setTimeout(() => void flush(), ms);
}

/** Loads what an earlier visit left behind and starts listening for the connection. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  window.addEventListener('online', () => {
    update({ online: true });
    failures = 0;
    void flush();
  });
  window.addEventListener('offline', () => update({ online: false }));
  void database()
    .then((d) => d.getAll(STORE) as Promise<OutboxEntry[]>)
    .then((stored) => {
      let entries = snapshot.entries;
      for (const e of stored)
        if (!entries.some((x) => x.key === e.key)) entries = putEntry(entries, e);
      lastSeq = nextSeq(entries, lastSeq) - 1;
      update({ entries });
      void flush();
    })
    .catch(() => undefined);
}

/** Queues a request (replacing an older one with the same key) and tries to send it at once. */
export async function enqueue(entry: Omit<OutboxEntry, 'seq' | 'queuedAt'>): Promise<void> {
  startOutbox();
  lastSeq = nextSeq(snapshot.entries, lastSeq);
  const full: OutboxEntry = { ...entry, seq: lastSeq, queuedAt: Date.now() };
  update({
    entries: putEntry(snapshot.entries, full),
    refusals: snapshot.refusals.filter((r) => r.key !== full.key),
  });
  try {
    await (await database()).put(STORE, full);
  } catch {
    // Private mode without IndexedDB: the entry still lives in memory until sent.
  }
  void flush();
}

/** Sends the waiting entries in order; stops at the first that cannot reach the server. */
export function flush(): Promise<void> {
  flushing ??= run().finally(() => {
    flushing = undefined;
  });
  return flushing;
}

async function run(): Promise<void> {
  clearTimeout(timer);
  if (!navigator.onLine) {
    update({ online: false });
    return;
  }
  update({ sending: true, online: true });
  try {
    for (;;) {
      const entry = snapshot.entries[0];
      if (!entry) {
        failures = 0;
        update({ unreachable: false });
        return;
      }
      let status = 200;
      let code = '';
      try {
        await api.sendQueued(entry.method, entry.path, entry.body);
      } catch (error) {
        status = error instanceof ApiError ? error.status : 0;
        code = error instanceof ApiError ? error.code : 'NETWORK';
      }
      const outcome = outcomeOf(status);
      if (outcome === 'retry') {
        update({ unreachable: true });
        schedule(retryDelay(failures++));
        return;
      }
      update({
        entries: removeSent(snapshot.entries, entry),
        unreachable: false,
        refusals:
          outcome === 'refused' && entry.kind === 'answer'
            ? [...snapshot.refusals, { key: entry.key, code }]
            : snapshot.refusals,
      });
      if (!snapshot.entries.some((e) => e.key === entry.key)) {
        await database()
          .then((d) => d.delete(STORE, entry.key))
          .catch(() => undefined);
      }
    }
  } finally {
    update({ sending: false });
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The outbox as React state: what waits, what was refused, whether it is sending. */
export function useOutbox(): Snapshot {
  return useSyncExternalStore(subscribe, () => snapshot);
}

/** How many requests wait to be sent. */
export function useWaitingCount(): number {
  return useOutbox().entries.length;
}
