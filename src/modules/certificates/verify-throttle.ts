import { Injectable, Logger } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { InjectRedis, type RedisClient } from '../redis';

/** Public verification is rate-limited per IP across API instances (in-process if Redis is down). */
@Injectable()
export class VerifyThrottle {
  private readonly logger = new Logger(VerifyThrottle.name);
  private readonly perIp: RateLimiterRedis;

  constructor(@InjectRedis() redis: RedisClient, config: AppConfig) {
    const points = config.verifyMaxRequestsPerMinute;
    this.perIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.queuePrefix}:verify:ip`,
      points,
      duration: 60,
      insuranceLimiter: new RateLimiterMemory({ points, duration: 60 }),
    });
  }

  async consume(ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        throw new DomainError('TOO_MANY_VERIFICATIONS', 'Too many verification requests', {
          retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
        });
      }
      this.logger.warn(`Verify throttle store error: ${(e as Error).message}`);
    }
  }
}
