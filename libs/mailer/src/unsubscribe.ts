import { createHmac, timingSafeEqual } from 'node:crypto';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface UnsubscribePayload {
  userId: string;
  category: string;
}

/** Token format: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, first part)). */
export function signUnsubscribeToken(payload: UnsubscribePayload, secret: string): string {
  assertSecret(secret);
  if (!isPayload(payload)) throw new TypeError('userId and category must be non-empty strings');
  const body = Buffer.from(
    JSON.stringify({ userId: payload.userId, category: payload.category }),
  ).toString('base64url');
  return `${body}.${signature(body, secret)}`;
}

/** Returns the payload, or null for a malformed, tampered or foreign-secret token. */
export function verifyUnsubscribeToken(token: string, secret: string): UnsubscribePayload | null {
  assertSecret(secret);
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [body, providedSignature] = parts;

  const expected = Buffer.from(signature(body, secret));
  const provided = Buffer.from(providedSignature);
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) return null;

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  return isPayload(payload) ? { userId: payload.userId, category: payload.category } : null;
}

/** RFC 2369 + RFC 8058 headers that let mail clients offer a one-click unsubscribe button. */
export function listUnsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  let url: URL;
  try {
    url = new URL(oneClickUrl);
  } catch {
    throw new TypeError(`oneClickUrl must be an absolute URL, got "${oneClickUrl}"`);
  }
  // RFC 8058 requires HTTPS; plain http is only let through for local development.
  const isLocalHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !isLocalHttp) {
    throw new TypeError('oneClickUrl must be an https URL (RFC 8058)');
  }
  // url.href is percent-encoded, so it cannot contain the ">" or line breaks that would break the header.
  return {
    'List-Unsubscribe': `<${url.href}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

function signature(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

function assertSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError('The unsubscribe token secret must be a non-empty string');
  }
}

function isPayload(value: unknown): value is UnsubscribePayload {
  if (typeof value !== 'object' || value === null) return false;
  const { userId, category } = value as Record<string, unknown>;
  return (
    typeof userId === 'string' && userId !== '' && typeof category === 'string' && category !== ''
  );
}
