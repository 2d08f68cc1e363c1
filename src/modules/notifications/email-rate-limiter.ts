import { Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { InjectRedis, type RedisClient } from '../redis';
import { recipientDomain } from './domain/recipient';

/** Per-recipient-domain budget shared by every worker (Redis). */
@Injectable()
export class EmailRateLimiter {
  private readonly limiter: RateLimiterRedis | null;

  constructor(@InjectRedis() redis: RedisClient, config: AppConfig) {
    const points = config.notifications.rateLimitPerDomainPerMinute;
    this.limiter =
      points > 0
        ? new RateLimiterRedis({
            storeClient: redis,
            keyPrefix: `${config.queuePrefix}:email-rate`,
            points,
            duration: 60,
          })
        : null;
  }

  get enabled(): boolean {
    return this.limiter !== null;
  }

  /** 0 when the mail may go now, otherwise how many ms to wait. */
  async delayFor(recipient: string): Promise<number> {
    if (!this.limiter) return 0;
    try {
      await this.limiter.consume(recipientDomain(recipient));
      return 0;
    } catch (e) {
      if (e instanceof RateLimiterRes) return Math.max(e.msBeforeNext, 1);
      throw e;
    }
  }
}
