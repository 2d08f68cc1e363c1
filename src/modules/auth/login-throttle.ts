import { Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { InjectRedis } from '../redis';

/**
 * Counts login attempts per account and per IP in Redis, so the limit holds across API
 * instances. An attempt consumes a point up front (so parallel guesses cannot slip past a
 * check-then-count race); a successful login gives the account its points back.
 * If Redis is unreachable an in-process limiter stands in rather than opening the gate.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly perAccount: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(@InjectRedis() redis: Redis, config: AppConfig) {
    const duration = config.loginFailureWindowSeconds;
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.queuePrefix}:login:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.perAccount = make('account', config.loginMaxFailuresPerAccount);
    this.perIp = make('ip', config.loginMaxFailuresPerIp);
  }

  async beforeAttempt(email: string, ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
      await this.perAccount.consume(email);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new DomainError(
          'TOO_MANY_LOGIN_ATTEMPTS',
          'Too many login attempts; try again later',
          { retryAfterSeconds },
        );
      }
      this.logger.warn(`Login throttle store error: ${(e as Error).message}`);
    }
  }

  async afterSuccess(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.delete(email), this.perIp.reward(ip, 1)]).catch(
      () => undefined,
    );
  }
}
