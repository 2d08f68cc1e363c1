import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis, { Cluster } from 'ioredis';
import { redisCluster } from '@app/queue';
import { AppConfig } from '../../config/app-config';

export const REDIS = Symbol('REDIS');
/** The application's Redis client: one server, or a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisClient = Redis | Cluster;
export const InjectRedis = () => Inject(REDIS);

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@InjectRedis() private readonly redis: RedisClient) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * One shared ioredis client for application use (throttling, health). It fails fast when
 * Redis is down (no offline queue) instead of hanging requests; BullMQ has its own clients.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig): RedisClient => {
        const options = {
          maxRetriesPerRequest: 1,
          connectTimeout: 2000,
          retryStrategy: (times: number) => Math.min(times * 200, 2000),
        };
        const client = config.redisClusterNodes
          ? redisCluster(config.redisClusterNodes, config.redisUrl, options, false)
          : new Redis(config.redisUrl, {
              ...options,
              enableOfflineQueue: false,
              lazyConnect: false,
            });
        client.on('error', () => undefined); // surfaced by /health; avoid log floods
        return client;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
