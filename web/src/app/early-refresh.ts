/**
 * The silent refresh, started as early as the page allows. The build also loads this module as
 * its own `async` script in index.html's head (web/vite.config.ts), so the request leaves while
 * the app's bundle is still being parsed instead of after it; session.ts adopts the answer.
 * It also holds what the basic first screen (web/src/basic-screen/) and the app hand each other.
 * No imports on purpose: this chunk must not wait for any other.
 */
export interface EarlySessionBody {
  accessToken: string;
  expiresIn: number;
}

let pending: Promise<Response> | null = fetch('/api/v1/auth/browser/refresh', {
  method: 'POST',
  credentials: 'same-origin',
  headers: { 'X-CSRF': '1' },
});
let answeredSignedOut = false;
// Read from a copy, before session.ts reads the original; null when there is no session.
const earlyBody: Promise<EarlySessionBody | null> = pending
  .then((res) => {
    answeredSignedOut = !res.ok;
    return res.ok ? (res.clone().json() as Promise<EarlySessionBody>) : null;
  })
  .catch(() => null);

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

/** The early refresh's session (for the basic first screen), or null when signed out. */
export function earlyRefreshSession(): Promise<EarlySessionBody | null> {
  return earlyBody;
}

let appMounting = false;
let signInInUse: Promise<EarlySessionBody> | null = null;

/** The app is about to render: the basic screen must not draw any more. */
export function retireBasicScreen(): void {
  appMounting = true;
}

export function basicScreenRetired(): boolean {
  return appMounting;
}

/** The basic sign-in form is being filled in; `signedIn` settles with its session. */
export function basicSignInStarted(signedIn: Promise<EarlySessionBody>): void {
  signInInUse = signedIn;
}

/**
 * Before the app replaces the basic screen: null at once when its sign-in form is untouched,
 * else the session it signs in to (the app waits rather than drop what is being typed).
 */
export function basicScreenSession(): Promise<EarlySessionBody | null> {
  return signInInUse ?? Promise.resolve(null);
}
