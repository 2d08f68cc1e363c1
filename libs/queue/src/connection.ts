import { MetricsTime, type DefaultJobOptions, type RedisOptions } from 'bullmq';

/** ioredis options from a redis:// or rediss:// URL, as BullMQ wants them. */
export function redisOptionsFromUrl(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : 6379,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ requirement for workers: blocking commands must not be retried by ioredis itself.
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => Math.min(times * 200, 5000),
  };
}

/** Applied to every job unless a producer overrides it. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: false,
};

/** Every worker records completed/failed counts, which /metrics reports as job outcomes. */
export const WORKER_METRICS = { maxDataPoints: MetricsTime.ONE_WEEK };
