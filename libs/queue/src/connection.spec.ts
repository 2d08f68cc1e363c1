import { redisOptionsFromUrl } from './connection';

describe('redisOptionsFromUrl', () => {
  it('parses host, port, credentials and db', () => {
    const opts = redisOptionsFromUrl('redis://user:p%40ss@cache.local:6380/3');
    expect(opts).toMatchObject({
      host: 'cache.local',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 3,
    });
    expect(opts.maxRetriesPerRequest).toBeNull();
    expect(opts.tls).toBeUndefined();
  });

  it('defaults the port and enables TLS for rediss', () => {
    const opts = redisOptionsFromUrl('rediss://cache.local');
    expect(opts.port).toBe(6379);
    expect(opts.db).toBe(0);
    expect(opts.tls).toEqual({});
  });
});
