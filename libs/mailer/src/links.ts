/**
 * Normalises ctx.publicBaseUrl to "scheme://host[:port][/path]" without a trailing slash, the
 * prefix every link in a mail has to start with.
 */
export function normalizePublicBaseUrl(publicBaseUrl: string): string {
  const url = tryParseHttpUrl(publicBaseUrl);
  if (!url || url.search || url.hash) {
    throw new TypeError(`publicBaseUrl must be an absolute http(s) URL, got "${publicBaseUrl}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * Returns the absolute form of `candidate` when it is a path ("/courses/1") or an absolute URL
 * under `baseUrl`; null for anything else (another host, javascript:, data:, ...).
 */
export function resolveLinkUnderBase(candidate: string, baseUrl: string): string | null {
  const trimmed = candidate.trim();
  const isPath = trimmed.startsWith('/') && !trimmed.startsWith('//');
  const url = tryParseHttpUrl(isPath ? baseUrl + trimmed : trimmed);
  if (!url) return null;
  const href = url.href;
  // Compare on a boundary so that https://lms.example.id.evil.test does not pass as https://lms.example.id.
  const isUnderBase = href === baseUrl || ['/', '?', '#'].some((c) => href.startsWith(baseUrl + c));
  return isUnderBase ? href : null;
}

function tryParseHttpUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url;
}
