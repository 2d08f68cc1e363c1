import { MetricsTime, type DefaultJobOptions, type RedisOptions } from 'bullmq';
import { Cluster } from 'ioredis';

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

export interface ClusterNode {
  host: string;
  port: number;
}

/**
 * A Redis Cluster client from the seed nodes, with REDIS_URL's credentials and TLS applied to
 * every node. `redisOptions` are the per-node client options (e.g. BullMQ's
 * `maxRetriesPerRequest: null`); the cluster's own offline queue follows them.
 */
export function redisCluster(
  nodes: ClusterNode[],
  redisUrl: string,
  redisOptions: RedisOptions,
  enableOfflineQueue = true,
): Cluster {
  const { username, password, tls } = redisOptionsFromUrl(redisUrl);
  return new Cluster(nodes, {
    enableOfflineQueue,
    clusterRetryStrategy: (times: number) => Math.min(times * 200, 5000),
    redisOptions: { username, password, tls, ...redisOptions },
  });
}

/**
 * What BullMQ connects with: plain options for one Redis (BullMQ makes its own clients), or one
 * shared Cluster client (BullMQ cannot build a cluster from options; workers duplicate it for
 * their blocking connection). The caller closes a Cluster it got here.
 */
export function bullConnection(
  redisUrl: string,
  clusterNodes: ClusterNode[] | null,
): RedisOptions | Cluster {
  const options = redisOptionsFromUrl(redisUrl);
  if (!clusterNodes) return options;
  return redisCluster(clusterNodes, redisUrl, { maxRetriesPerRequest: null });
}
