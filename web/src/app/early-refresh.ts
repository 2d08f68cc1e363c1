/**
 * The silent refresh, started as early as the page allows. The build also loads this module as
 * its own `async` script in index.html's head (web/vite.config.ts), so the request leaves while
 * the app's bundle is still being parsed instead of after it; session.ts adopts the answer.
 * No imports on purpose: this chunk must not wait for any other.
 */
let pending: Promise<Response> | null = fetch('/api/v1/auth/browser/refresh', {
  method: 'POST',
  credentials: 'same-origin',
  headers: { 'X-CSRF': '1' },
});
let answeredSignedOut = false;
// session.ts handles a failure; this keeps an unadopted one from being reported as unhandled.
pending.then((res) => (answeredSignedOut = !res.ok)).catch(() => undefined);

/** True once the early refresh has answered that there is no session (session.ts agrees). */
export function earlyRefreshSignedOut(): boolean {
  return answeredSignedOut;
}

/** The early refresh's response, once; null afterwards (later refreshes make their own request). */
export function takeEarlyRefresh(): Promise<Response> | null {
  const taken = pending;
  pending = null;
  return taken;
}
