import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { InjectRedis, type RedisClient } from '../redis';
import { loginDelayMs, SlowdownPolicy } from './domain/login-slowdown';

/** The account-wide counter only counts; it never refuses. */
const COUNT_ONLY = 1_000_000_000;

/**
 * Counts login attempts in Redis, so the limits hold across API instances:
 * - per (account, IP): a hard lock (429) after LOGIN_MAX_FAILURES_PER_ACCOUNT_IP;
 * - per IP: a hard lock after LOGIN_MAX_FAILURES_PER_IP, whatever the accounts;
 * - per account across IPs: above LOGIN_SLOWDOWN_AFTER_FAILURES_PER_ACCOUNT every attempt waits a
 *   growing delay before the password is checked, but the account is never locked, so nobody can
 *   lock someone else out by guessing from another address (see README, ASVS 2.2.1).
 * An attempt consumes its points up front (parallel guesses cannot slip past a check-then-count
 * race); a successful login gives them back. If Redis is unreachable an in-process limiter stands
 * in rather than opening the gate.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly perAccountIp: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly slowdown: SlowdownPolicy;

  constructor(@InjectRedis() redis: RedisClient, config: AppConfig) {
    const duration = config.loginFailureWindowSeconds;
    const make = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.queuePrefix}:login:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ points, duration }),
      });
    this.perAccountIp = make('account-ip', config.loginMaxFailuresPerAccountIp);
    this.perIp = make('ip', config.loginMaxFailuresPerIp);
    this.perAccount = make('account', COUNT_ONLY);
    this.slowdown = {
      afterFailures: config.loginSlowdown.afterFailuresPerAccount,
      baseDelayMs: config.loginSlowdown.baseDelayMs,
      maxDelayMs: config.loginSlowdown.maxDelayMs,
    };
  }

  async beforeAttempt(email: string, ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
      await this.perAccountIp.consume(accountIpKey(email, ip));
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
    const delay = loginDelayMs(await this.countAccountAttempt(email), this.slowdown);
    if (delay > 0) await sleep(delay);
  }

  async afterSuccess(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.perAccountIp.delete(accountIpKey(email, ip)),
      this.perIp.reward(ip, 1),
      this.perAccount.reward(email, 1),
    ]).catch(() => undefined);
  }

  private async countAccountAttempt(email: string): Promise<number> {
    try {
      return (await this.perAccount.consume(email)).consumedPoints;
    } catch (e) {
      if (e instanceof RateLimiterRes) return e.consumedPoints;
      this.logger.warn(`Login throttle store error: ${(e as Error).message}`);
      return 0;
    }
  }
}

function accountIpKey(email: string, ip: string): string {
  return `${ip}|${email}`;
}
