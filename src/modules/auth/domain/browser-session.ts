import { DomainError } from '../../../common/errors/domain-error';

/** The refresh-token cookie of the web app: httpOnly, SameSite=Strict, only sent to these routes. */
export const BROWSER_SESSION_COOKIE = 'k3_refresh';
export const BROWSER_SESSION_PATH = '/api/v1/auth/browser';
export const CSRF_HEADER = 'x-csrf';

export interface CsrfRequestFacts {
  csrfHeader: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** The origin the request was made to (protocol + host, as the API sees it). */
  ownOrigin: string;
  /** The configured public origin (PUBLIC_BASE_URL), also accepted. */
  publicOrigin: string;
}

/**
 * Cookie-authenticated routes accept only same-origin requests that carry the custom header:
 * a cross-site form or fetch cannot set the header without a CORS preflight, and the Origin /
 * Sec-Fetch-Site check refuses what a browser marks as cross-site.
 */
export function assertSameOriginBrowserRequest(facts: CsrfRequestFacts): void {
  const refuse = (why: string) => {
    throw new DomainError('CSRF_REJECTED', `Cross-site request refused: ${why}`);
  };
  if (facts.csrfHeader !== '1') refuse(`the ${CSRF_HEADER} header must be 1`);
  if (facts.secFetchSite && facts.secFetchSite !== 'same-origin') {
    refuse('Sec-Fetch-Site is not same-origin');
  }
  if (facts.origin) {
    if (facts.origin !== facts.ownOrigin && facts.origin !== facts.publicOrigin) {
      refuse('Origin is not this site');
    }
  } else if (facts.secFetchSite !== 'same-origin') {
    refuse('neither Origin nor Sec-Fetch-Site names this site');
  }
}

/** Secure when the public URL is https, or the request came over https (directly or via a trusted proxy). */
export function cookieShouldBeSecure(publicBaseUrl: string, requestProtocol: string): boolean {
  return publicBaseUrl.startsWith('https://') || requestProtocol === 'https';
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export interface SessionCookieOptions {
  secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  maxAgeSeconds: number;
}

/** The Set-Cookie header of the browser session (httpOnly, SameSite=Strict, scoped path). */
export function sessionCookieHeader(value: string, options: SessionCookieOptions): string {
  const parts = [
    `${BROWSER_SESSION_COOKIE}=${encodeURIComponent(value)}`,
    `Path=${BROWSER_SESSION_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.maxAgeSeconds <= 0) parts.push('Expires=Thu, 01 Jan 1970 00:00:00 GMT');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
