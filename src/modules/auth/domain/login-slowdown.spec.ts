import { loginDelayMs } from './login-slowdown';

describe('loginDelayMs', () => {
  const policy = { afterFailures: 100, baseDelayMs: 500, maxDelayMs: 10_000 };

  it('adds no delay up to the threshold', () => {
    expect(loginDelayMs(1, policy)).toBe(0);
    expect(loginDelayMs(100, policy)).toBe(0);
  });

  it('doubles above it, up to the cap, and never overflows', () => {
    expect([101, 102, 103, 104, 105, 106].map((n) => loginDelayMs(n, policy))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000,
    ]);
    expect(loginDelayMs(1_000_000, policy)).toBe(10_000);
  });

  it('is off with a zero base delay', () => {
    expect(loginDelayMs(500, { ...policy, baseDelayMs: 0 })).toBe(0);
  });
});
