/** What the access check needs to know about a user, as stored (or cached) now. */
export interface UserAccessState {
  isActive: boolean;
  organizationId: string | null;
  tokenVersion: number;
  /** Sessions (refresh-token families) ended recently enough that their access tokens live. */
  endedSessionIds: string[];
}

export interface OrganizationAccessState {
  isActive: boolean;
}

/** What an access token claims about its session. */
export interface AccessTokenFacts {
  organizationId: string | null;
  sessionId: string;
  tokenVersion: number;
}

export type AccessRefusal =
  | 'unknown-user'
  | 'user-inactive'
  | 'token-superseded'
  | 'session-ended'
  | 'organization-changed'
  | 'organization-inactive';

/**
 * Why a correctly signed, unexpired access token may no longer be used, or null when it may.
 * `organization` is the state of the organization the token names (null if it names none or
 * the organization no longer exists).
 */
export function accessTokenRefusal(
  token: AccessTokenFacts,
  user: UserAccessState | null,
  organization: OrganizationAccessState | null,
): AccessRefusal | null {
  if (!user) return 'unknown-user';
  if (!user.isActive) return 'user-inactive';
  if (token.tokenVersion !== user.tokenVersion) return 'token-superseded';
  if (user.endedSessionIds.includes(token.sessionId)) return 'session-ended';
  if (token.organizationId !== user.organizationId) return 'organization-changed';
  if (token.organizationId !== null && !organization?.isActive) return 'organization-inactive';
  return null;
}

/**
 * Why this user may not sign in (login or refresh), or null when they may. `organization` is
 * the state of the user's organization (null if they have none or it no longer exists).
 */
export function signInRefusal(
  user: { isActive: boolean; organizationId: string | null },
  organization: OrganizationAccessState | null,
): 'user-inactive' | 'organization-inactive' | null {
  if (!user.isActive) return 'user-inactive';
  if (user.organizationId !== null && !organization?.isActive) return 'organization-inactive';
  return null;
}
