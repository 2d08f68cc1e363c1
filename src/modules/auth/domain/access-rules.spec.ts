import { accessTokenRefusal, signInRefusal, UserAccessState } from './access-rules';

const ORG = '7b0d3c1e-0000-4000-8000-000000000001';
const SESSION = '7b0d3c1e-0000-4000-8000-0000000000aa';
const user = (over: Partial<UserAccessState> = {}): UserAccessState => ({
  isActive: true,
  organizationId: ORG,
  tokenVersion: 3,
  endedSessionIds: [],
  ...over,
});
const token = { organizationId: ORG, sessionId: SESSION, tokenVersion: 3 };
const activeOrg = { isActive: true };

describe('accessTokenRefusal', () => {
  it('accepts a token of an active user in an active organization', () => {
    expect(accessTokenRefusal(token, user(), activeOrg)).toBeNull();
  });

  it('accepts a token without organization for a user without one', () => {
    const own = { ...token, organizationId: null };
    expect(accessTokenRefusal(own, user({ organizationId: null }), null)).toBeNull();
  });

  it('refuses an unknown (deleted) user', () => {
    expect(accessTokenRefusal(token, null, activeOrg)).toBe('unknown-user');
  });

  it('refuses a deactivated user', () => {
    expect(accessTokenRefusal(token, user({ isActive: false }), activeOrg)).toBe('user-inactive');
  });

  it('refuses a token signed before the version moved on (deactivation, password change)', () => {
    expect(accessTokenRefusal(token, user({ tokenVersion: 4 }), activeOrg)).toBe(
      'token-superseded',
    );
    // A version from the future (e.g. a restored backup) is no better.
    expect(accessTokenRefusal(token, user({ tokenVersion: 2 }), activeOrg)).toBe(
      'token-superseded',
    );
  });

  it('refuses a token of a logged-out session, but not of the user’s other sessions', () => {
    const ended = user({ endedSessionIds: [SESSION] });
    expect(accessTokenRefusal(token, ended, activeOrg)).toBe('session-ended');
    const other = { ...token, sessionId: '7b0d3c1e-0000-4000-8000-0000000000bb' };
    expect(accessTokenRefusal(other, ended, activeOrg)).toBeNull();
  });

  it('refuses when the organization is inactive or gone', () => {
    expect(accessTokenRefusal(token, user(), { isActive: false })).toBe('organization-inactive');
    expect(accessTokenRefusal(token, user(), null)).toBe('organization-inactive');
  });

  it('refuses a token naming another organization than the user’s', () => {
    const moved = user({ organizationId: '7b0d3c1e-0000-4000-8000-000000000002' });
    expect(accessTokenRefusal(token, moved, activeOrg)).toBe('organization-changed');
    expect(accessTokenRefusal({ ...token, organizationId: null }, user(), null)).toBe(
      'organization-changed',
    );
  });
});

describe('signInRefusal', () => {
  it('lets active users of active organizations and users without one sign in', () => {
    expect(signInRefusal({ isActive: true, organizationId: ORG }, activeOrg)).toBeNull();
    expect(signInRefusal({ isActive: true, organizationId: null }, null)).toBeNull();
  });

  it('refuses deactivated users and users of inactive or missing organizations', () => {
    expect(signInRefusal({ isActive: false, organizationId: ORG }, activeOrg)).toBe(
      'user-inactive',
    );
    expect(signInRefusal({ isActive: true, organizationId: ORG }, { isActive: false })).toBe(
      'organization-inactive',
    );
    expect(signInRefusal({ isActive: true, organizationId: ORG }, null)).toBe(
      'organization-inactive',
    );
  });
});
