import { Injectable, Logger } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { InjectRedis, type RedisClient } from '../redis';

/**
 * "Forgot password" budget per client IP and per e-mail address, counted in Redis across API
 * instances. The address counter counts every request, existing address or not, so a 429 says
 * nothing about whether the account exists. If Redis is unreachable an in-process limiter
 * stands in.
 */
@Injectable()
export class ForgotPasswordThrottle {
  private readonly logger = new Logger(ForgotPasswordThrottle.name);
  private readonly perIp: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(@InjectRedis() redis: RedisClient, config: AppConfig) {
    const {
      forgotWindowSeconds: duration,
      forgotMaxPerIp,
      forgotMaxPerAddress,
    } = config.passwordTokens;
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.queuePrefix}:forgot-password:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.perIp = make('ip', forgotMaxPerIp);
    this.perAddress = make('address', forgotMaxPerAddress);
  }

  async consume(ip: string, email: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
      await this.perAddress.consume(email);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        throw new DomainError(
          'TOO_MANY_PASSWORD_RESETS',
          'Too many password reset requests; try again later',
          { retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) },
        );
      }
      this.logger.warn(`Forgot-password throttle store error: ${(e as Error).message}`);
    }
  }
}
