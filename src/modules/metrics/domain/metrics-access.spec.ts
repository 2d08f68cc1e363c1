import { metricsAccessOnApiPort } from './metrics-access';

const token = 'scrape-token-0123456789';

describe('metricsAccessOnApiPort', () => {
  it('serves only the configured bearer token', () => {
    const exposure = { dedicatedPort: false, token };
    expect(metricsAccessOnApiPort(exposure, `Bearer ${token}`)).toBe('allowed');
    expect(metricsAccessOnApiPort(exposure, `bearer ${token}`)).toBe('allowed');
    expect(metricsAccessOnApiPort(exposure, undefined)).toBe('unauthenticated');
    expect(metricsAccessOnApiPort(exposure, `Bearer ${token}x`)).toBe('unauthenticated');
    expect(metricsAccessOnApiPort(exposure, `Basic ${token}`)).toBe('unauthenticated');
    expect(metricsAccessOnApiPort(exposure, 'Bearer ')).toBe('unauthenticated');
  });

  it('is not served without a token or when a dedicated port is configured', () => {
    expect(metricsAccessOnApiPort({ dedicatedPort: false, token: null }, 'Bearer x')).toBe(
      'not_served',
    );
    expect(metricsAccessOnApiPort({ dedicatedPort: true, token }, `Bearer ${token}`)).toBe(
      'not_served',
    );
  });
});
