// Public surface of the redis module: other modules import only from here.
export { InjectRedis, REDIS, RedisModule } from './redis.module';
export type { RedisClient } from './redis.module';
