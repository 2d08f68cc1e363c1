/**
 * The silent refresh, started as early as the page allows, and what the basic first screen
 * (web/src/basic-screen/) and the app hand each other. The build inlines the basic screen into
 * index.html's head (web/vite.config.ts), so on a built page the refresh request leaves while the
 * HTML is still being parsed, before the app's bundle takes the browser's few connections; the
 * app's own copy of this module then finds the state on `globalThis` and shares it. No imports on
 * purpose: the inline script must carry nothing else.
 */
export interface EarlySessionBody {
  accessToken: string;
  expiresIn: number;
}

interface EarlyStart {
  /** The refresh response until session.ts takes it. */
  refresh: Promise<Response> | null;
  /** The same answer's session, read from a copy; null when signed out. */
  session: Promise<EarlySessionBody | null>;
  signedOut: boolean;
  appMounting: boolean;
  /** Set once the basic sign-in form is in use: settles with the session it signs in to. */
  basicSignIn: Promise<EarlySessionBody> | null;
}

// globalThis, not window: unit specs import this module under Node.
const holder = globalThis as { __k3EarlyStart?: EarlyStart };

function earlyStart(): EarlyStart {
  if (holder.__k3EarlyStart) return holder.__k3EarlyStart;
  const refresh = fetch('/api/v1/auth/browser/refresh', {
    // Ahead of the app's queued downloads for one of the browser's six connections per host.
    priority: 'high',
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-CSRF': '1' },
  });
  const start: EarlyStart = {
    refresh,
    // Read from a copy, before session.ts reads the original.
    session: refresh
      .then((res) => {
        start.signedOut = !res.ok;
        return res.ok ? (res.clone().json() as Promise<EarlySessionBody>) : null;
      })
      .catch(() => null),
    signedOut: false,
    appMounting: false,
    basicSignIn: null,
  };
  holder.__k3EarlyStart = start;
  return start;
}

earlyStart();

/** True once the early refresh has answered that there is no session (session.ts agrees). */
export function earlyRefreshSignedOut(): boolean {
  return earlyStart().signedOut;
}

/** The early refresh's response, once; null afterwards (later refreshes make their own request). */
export function takeEarlyRefresh(): Promise<Response> | null {
  const start = earlyStart();
  const taken = start.refresh;
  start.refresh = null;
  return taken;
}

/** The early refresh's session (for the basic first screen), or null when signed out. */
export function earlyRefreshSession(): Promise<EarlySessionBody | null> {
  return earlyStart().session;
}

/**
 * The app is about to render (having adopted any session handed over): the basic screen must not
 * draw any more, and the tokens handed over are dropped here (the session module holds them).
 */
export function retireBasicScreen(): void {
  const start = earlyStart();
  start.appMounting = true;
  start.session = Promise.resolve(null);
  start.basicSignIn = null;
}

export function basicScreenRetired(): boolean {
  return earlyStart().appMounting;
}

/** The basic sign-in form is being filled in; `signedIn` settles with its session. */
export function basicSignInStarted(signedIn: Promise<EarlySessionBody>): void {
  earlyStart().basicSignIn = signedIn;
}

/**
 * Before the app replaces the basic screen: null at once when its sign-in form is untouched,
 * else the session it signs in to (the app waits rather than drop what is being typed).
 */
export function basicScreenSession(): Promise<EarlySessionBody | null> {
  return earlyStart().basicSignIn ?? Promise.resolve(null);
}
