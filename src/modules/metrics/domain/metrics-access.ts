import { createHash, timingSafeEqual } from 'node:crypto';

export type MetricsAccess = 'allowed' | 'unauthenticated' | 'not_served';

export interface MetricsExposure {
  /** A dedicated metrics port is configured: the API port never serves /metrics. */
  dedicatedPort: boolean;
  token: string | null;
}

/**
 * Who may read /metrics on the API port: nobody when a dedicated port is configured or no token
 * is set (404, as if the route did not exist); otherwise only `Authorization: Bearer <token>`.
 */
export function metricsAccessOnApiPort(
  exposure: MetricsExposure,
  authorization: string | undefined,
): MetricsAccess {
  if (exposure.dedicatedPort || !exposure.token) return 'not_served';
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!presented) return 'unauthenticated';
  return sameSecret(presented, exposure.token) ? 'allowed' : 'unauthenticated';
}

/** Constant-time comparison; hashing first makes the lengths equal and hides the token's length. */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
