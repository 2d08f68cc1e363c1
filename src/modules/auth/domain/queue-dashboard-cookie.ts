/**
 * The queue dashboard (/admin/queues, bull-board) is plain navigation, so it cannot send a
 * bearer header: the web app trades the admin's access token for this cookie, httpOnly,
 * SameSite=Strict and sent only to the dashboard's own path.
 */
export const QUEUE_DASHBOARD_COOKIE = 'k3_access_token';
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Seconds until the JWT's `exp` (0 when it has none or it has passed). */
export function secondsUntilExpiry(jwt: string, nowMs: number): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as {
      exp?: unknown;
    };
    if (typeof payload.exp !== 'number') return 0;
    return Math.max(0, Math.floor(payload.exp - nowMs / 1000));
  } catch {
    return 0;
  }
}

export function queueDashboardCookieHeader(
  accessToken: string,
  options: { secure: boolean; maxAgeSeconds: number },
): string {
  const parts = [
    `${QUEUE_DASHBOARD_COOKIE}=${encodeURIComponent(accessToken)}`,
    `Path=${QUEUE_DASHBOARD_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
