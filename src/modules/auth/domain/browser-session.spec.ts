import {
  assertSameOriginBrowserRequest,
  cookieShouldBeSecure,
  readCookie,
  sessionCookieHeader,
} from './browser-session';

const base = {
  csrfHeader: '1',
  origin: 'http://127.0.0.1:3000',
  secFetchSite: 'same-origin',
  ownOrigin: 'http://127.0.0.1:3000',
  publicOrigin: 'https://lms.example.id',
};
const refused = (facts: Partial<typeof base>) => {
  try {
    assertSameOriginBrowserRequest({ ...base, ...facts });
    return null;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('assertSameOriginBrowserRequest', () => {
  it('accepts a same-origin request with the header', () => {
    expect(refused({})).toBeNull();
    expect(refused({ secFetchSite: undefined })).toBeNull();
    expect(refused({ origin: 'https://lms.example.id', secFetchSite: undefined })).toBeNull();
    expect(refused({ origin: undefined })).toBeNull();
  });
  it('refuses without the header, cross-site, or with neither Origin nor Sec-Fetch-Site', () => {
    expect(refused({ csrfHeader: undefined })).toBe('CSRF_REJECTED');
    expect(refused({ csrfHeader: '0' })).toBe('CSRF_REJECTED');
    expect(refused({ secFetchSite: 'cross-site' })).toBe('CSRF_REJECTED');
    expect(refused({ secFetchSite: 'same-site' })).toBe('CSRF_REJECTED');
    expect(refused({ origin: 'https://evil.example', secFetchSite: undefined })).toBe(
      'CSRF_REJECTED',
    );
    expect(refused({ origin: undefined, secFetchSite: undefined })).toBe('CSRF_REJECTED');
  });
});

describe('cookieShouldBeSecure', () => {
  it('is secure for an https public URL or an https request', () => {
    expect(cookieShouldBeSecure('https://lms.example.id', 'http')).toBe(true);
    expect(cookieShouldBeSecure('http://localhost:3000', 'https')).toBe(true);
    expect(cookieShouldBeSecure('http://localhost:3000', 'http')).toBe(false);
  });
});

describe('session cookie', () => {
  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; k3_refresh=abc%2Bdef; b=2', 'k3_refresh')).toBe('abc+def');
    expect(readCookie('xk3_refresh=1', 'k3_refresh')).toBeUndefined();
    expect(readCookie(undefined, 'k3_refresh')).toBeUndefined();
    expect(readCookie('k3_refresh=%E0%A4%A', 'k3_refresh')).toBeUndefined();
  });
  it('is httpOnly, SameSite=Strict, scoped to the browser-session routes; Secure when asked', () => {
    expect(sessionCookieHeader('t0k', { secure: false, maxAgeSeconds: 60 })).toBe(
      'k3_refresh=t0k; Path=/api/v1/auth/browser; Max-Age=60; HttpOnly; SameSite=Strict',
    );
    const cleared = sessionCookieHeader('', { secure: true, maxAgeSeconds: 0 });
    expect(cleared).toMatch(
      /^k3_refresh=; Path=\/api\/v1\/auth\/browser; Max-Age=0; .*Expires=Thu, 01 Jan 1970.*; Secure$/,
    );
  });
});
