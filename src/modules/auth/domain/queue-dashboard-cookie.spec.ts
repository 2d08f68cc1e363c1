import { queueDashboardCookieHeader, secondsUntilExpiry } from './queue-dashboard-cookie';

const jwtWith = (payload: object) =>
  `h.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.s`;

describe('queue dashboard cookie', () => {
  it('lives as long as the access token it carries', () => {
    expect(secondsUntilExpiry(jwtWith({ exp: 1_000 }), 400_000)).toBe(600);
    expect(secondsUntilExpiry(jwtWith({ exp: 1_000 }), 2_000_000)).toBe(0);
    expect(secondsUntilExpiry(jwtWith({}), 0)).toBe(0);
    expect(secondsUntilExpiry('garbage', 0)).toBe(0);
  });

  it('is httpOnly, SameSite=Strict and scoped to the dashboard path', () => {
    expect(queueDashboardCookieHeader('a.b.c', { secure: false, maxAgeSeconds: 60 })).toBe(
      'k3_access_token=a.b.c; Path=/admin/queues; Max-Age=60; HttpOnly; SameSite=Strict',
    );
    expect(queueDashboardCookieHeader('t', { secure: true, maxAgeSeconds: 1 })).toMatch(
      /; Secure$/,
    );
  });
});
