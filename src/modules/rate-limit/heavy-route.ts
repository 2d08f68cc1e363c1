import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  Logger,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AuthUser } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { AppConfig } from '../../config/app-config';
import { InjectRedis, type RedisClient } from '../redis';

const HEAVY_ROUTE_COST = 'k3:heavy-route-cost';

/**
 * Per-user budget shared by the expensive routes (ZIP, CSV/XLSX exports, imports), stored in
 * Redis so it holds across API instances (in-process if Redis is down). Over budget: 429
 * TOO_MANY_REQUESTS with `Retry-After`. Runs after the access guard, so the user is known.
 */
@Injectable()
export class HeavyRouteGuard implements CanActivate {
  private readonly logger = new Logger(HeavyRouteGuard.name);
  private readonly perUser: RateLimiterRedis;

  constructor(
    @InjectRedis() redis: RedisClient,
    config: AppConfig,
    private readonly reflector: Reflector,
  ) {
    const { maxRequestsPerUser: points, windowSeconds: duration } = config.heavyRoutes;
    this.perUser = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${config.queuePrefix}:heavy:user`,
      points,
      duration,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user) return true; // public routes are throttled elsewhere (per IP)
    const cost = this.reflector.get<number>(HEAVY_ROUTE_COST, context.getHandler()) ?? 1;
    try {
      await this.perUser.consume(user.id, cost);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        throw new DomainError('TOO_MANY_REQUESTS', 'Too many exports or imports; try again later', {
          retryAfterSeconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)),
        });
      }
      this.logger.warn(`Heavy route limiter store error: ${(e as Error).message}`);
    }
    return true;
  }
}

/** Marks a route as heavy: it draws `cost` points from the user's HEAVY_ROUTE budget. */
export const HeavyRoute = (cost = 1) =>
  applyDecorators(SetMetadata(HEAVY_ROUTE_COST, cost), UseGuards(HeavyRouteGuard), ApiErrors(429));
