/**
 * Unsaved form contents kept in this browser (localStorage), so a crash, a closed tab or an
 * expired session does not lose an author's work. Only form contents, never a token; every draft
 * is removed at sign-out, and each is keyed by the user it belongs to.
 */
const PREFIX = 'k3-lms:draft:';

export interface DeviceDraft<T> {
  value: T;
  savedAt: number;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: drafts are simply not kept
  }
}

export function readDeviceDraft<T>(key: string): DeviceDraft<T> | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as DeviceDraft<T>;
    return typeof parsed.savedAt === 'number' && 'value' in parsed ? parsed : null;
  } catch {
    return null;
  }
}

export function writeDeviceDraft<T>(key: string, value: T): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ value, savedAt: Date.now() }));
  } catch {
    // quota exceeded: the leave warning still protects the edit
  }
}

export function removeDeviceDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

export function clearDeviceDrafts(): void {
  const store = storage();
  if (!store) return;
  const keys = Array.from({ length: store.length }, (_, i) => store.key(i)).filter(
    (k): k is string => !!k?.startsWith(PREFIX),
  );
  keys.forEach((k) => store.removeItem(k));
}
