import { useSyncExternalStore } from 'react';
import { takeEarlyRefresh, type EarlySessionBody } from './early-refresh';
import { clearDeviceDrafts } from './device-drafts';

/**
 * The browser session. The access token lives in this module only (memory); the refresh token is
 * an httpOnly cookie the page cannot read, sent only to /api/v1/auth/browser/*. Nothing is kept in
 * localStorage or sessionStorage: a reload restores the session through the cookie.
 */
const BASE = '/api/v1/auth/browser';
const CSRF = { 'X-CSRF': '1' };

interface SessionState {
  accessToken: string | null;
  /** 'unknown' until the first silent refresh has answered. */
  status: 'unknown' | 'signed-in' | 'signed-out';
}

let state: SessionState = { accessToken: null, status: 'unknown' };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<boolean> | null = null;

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function accessToken(): string | null {
  return state.accessToken;
}

/** Calls `listener` on every session change, before React re-renders; returns the unsubscribe. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, () => state);
}

export class LoginError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(code);
  }
}

/** Takes a session over: a sign-in's or refresh's answer, or the basic first screen's sign-in. */
export function adoptSession(body: EarlySessionBody): void {
  clearTimeout(refreshTimer);
  // Refresh proactively at 80 % of the lifetime, so requests rarely meet an expired token.
  const ms = Math.max(5, body.expiresIn * 0.8) * 1000;
  refreshTimer = setTimeout(() => void refreshSession(), ms);
  set({ accessToken: body.accessToken, status: 'signed-in' });
}

async function errorCode(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: string };
    return body.error ?? 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

export function login(email: string, password: string): Promise<void> {
  return startSession('login', { email, password });
}

/** Sets the password from an invitation or reset link; the answer is a browser session. */
export function setPasswordFromLink(token: string, password: string): Promise<void> {
  return startSession('password/set', { token, password });
}

async function startSession(path: string, body: Record<string, string>): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${BASE}/${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...CSRF },
      body: JSON.stringify(body),
    });
  } catch {
    throw new LoginError('NETWORK', 0);
  }
  if (!res.ok) throw new LoginError(await errorCode(res), res.status);
  adoptSession((await res.json()) as EarlySessionBody);
}

/** Exchanges the cookie for a new access token; false (and signed out) when there is no session. */
export function refreshSession(): Promise<boolean> {
  inFlight ??= (async () => {
    try {
      const res = await (takeEarlyRefresh() ??
        fetch(`${BASE}/refresh`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: CSRF,
        }));
      if (!res.ok) {
        clearTimeout(refreshTimer);
        set({ accessToken: null, status: 'signed-out' });
        return false;
      }
      adoptSession((await res.json()) as EarlySessionBody);
      return true;
    } catch {
      // Offline: keep whatever we had; the next request retries.
      if (state.status === 'unknown') set({ accessToken: null, status: 'signed-out' });
      return false;
    } finally {
      inFlight = null;
    }
  })();
  return inFlight;
}

export async function logout(): Promise<void> {
  clearTimeout(refreshTimer);
  try {
    await fetch(`${BASE}/logout`, { method: 'POST', credentials: 'same-origin', headers: CSRF });
  } finally {
    set({ accessToken: null, status: 'signed-out' });
    clearDeviceDrafts();
  }
}
