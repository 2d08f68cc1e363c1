import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessStatePort } from '../../common/auth/access-state.port';
import type { VerifiedAccessToken } from '../../common/auth/access-token.verifier';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { OrganizationsService } from '../organizations';
import { InjectRedis, type RedisClient } from '../redis';
import { UsersService } from '../users';
import {
  accessTokenRefusal,
  OrganizationAccessState,
  signInRefusal,
  UserAccessState,
} from './domain/access-rules';

// Fill the cache only if nobody invalidated the entry since we read its generation, so a
// request that read PostgreSQL just before a deactivation committed cannot cache the old state.
const FILL_IF_GENERATION_UNCHANGED = `
local gen = redis.call('GET', KEYS[2])
if (gen or '') == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', tonumber(ARGV[3]))
  return 1
end
return 0`;
const INVALIDATE = `
redis.call('DEL', KEYS[1])
redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[1]))
return 1`;
// Longer than any request takes between reading a generation and filling.
const GENERATION_TTL_SECONDS = 3600;
// Sessions ended this much longer ago than the access-token lifetime have no live tokens left
// (the margin covers clock differences between API nodes and PostgreSQL).
const ENDED_SESSION_MARGIN_SECONDS = 60;

type AccessRedis = RedisClient & {
  k3AccessFill(
    state: string,
    gen: string,
    seenGen: string,
    value: string,
    ttl: number,
  ): Promise<number>;
  k3AccessInvalidate(state: string, gen: string, genTtl: number): Promise<number>;
};

/**
 * The per-request access check and its cache. Every authenticated request reads the user's
 * (and its organization's) state from Redis in one MGET; a miss reads PostgreSQL and fills
 * Redis for ACCESS_STATE_CACHE_SECONDS. Every change that ends
 * access (deactivation, password change, logout, organization deactivation) invalidates the
 * entry after commit, so the next request sees the database. If Redis is unreachable the
 * check reads PostgreSQL on every request: slower, never less correct. The only staleness
 * left: an invalidation that failed because Redis was unreachable at that moment while the
 * cached entry survived; it lasts at most the cache lifetime.
 */
@Injectable()
export class AccessStateService extends AccessStatePort {
  private readonly logger = new Logger(AccessStateService.name);
  private readonly redis: AccessRedis;
  private lastRedisWarning = 0;

  constructor(
    @InjectRedis() redis: RedisClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly config: AppConfig,
  ) {
    super();
    if (!('k3AccessFill' in redis)) {
      redis.defineCommand('k3AccessFill', { numberOfKeys: 2, lua: FILL_IF_GENERATION_UNCHANGED });
      redis.defineCommand('k3AccessInvalidate', { numberOfKeys: 2, lua: INVALIDATE });
    }
    this.redis = redis as AccessRedis;
  }

  async assertUsable(token: VerifiedAccessToken): Promise<void> {
    const { id: userId, organizationId } = token.user;
    const userKey = this.userKey(userId);
    const organizationKey = organizationId ? this.organizationKey(organizationId) : null;
    const keys = [userKey, `${userKey}:gen`];
    if (organizationKey) keys.push(organizationKey, `${organizationKey}:gen`);
    let cached: (string | null)[] | null;
    try {
      cached = await this.redis.mget(...keys);
    } catch (e) {
      this.warnRedis(e);
      cached = null;
    }
    const [user, organization] = await Promise.all([
      this.cachedOrLoad(userKey, cached?.slice(0, 2) ?? null, () => this.loadUser(userId)),
      organizationId && organizationKey
        ? this.cachedOrLoad(organizationKey, cached?.slice(2, 4) ?? null, () =>
            this.loadOrganization(organizationId),
          )
        : null,
    ]);
    const refusal = accessTokenRefusal(
      { organizationId, sessionId: token.sessionId, tokenVersion: token.tokenVersion },
      user,
      organization,
    );
    if (refusal) {
      throw new DomainError('UNAUTHENTICATED', 'This session has ended; sign in again');
    }
  }

  /** Login and refresh: read from PostgreSQL, never from the cache. */
  async signInRefusal(user: { isActive: boolean; organizationId: string | null }) {
    const organization = user.organizationId
      ? await this.loadOrganization(user.organizationId)
      : null;
    return signInRefusal(user, organization);
  }

  invalidateUser(userId: string): Promise<void> {
    return this.invalidate(this.userKey(userId));
  }

  invalidateOrganization(organizationId: string): Promise<void> {
    return this.invalidate(this.organizationKey(organizationId));
  }

  private async loadUser(userId: string): Promise<UserAccessState | null> {
    const [user, ended] = await Promise.all([
      this.users.accessFactsOf(userId),
      this.dataSource.query(
        `SELECT DISTINCT family_id FROM refresh_tokens
          WHERE user_id = $1 AND revoked_at IS NOT NULL
            AND revoked_at > now() - make_interval(secs => $2)`,
        [userId, this.config.jwtAccessTtlSeconds + ENDED_SESSION_MARGIN_SECONDS],
      ) as Promise<{ family_id: string }[]>,
    ]);
    if (!user) return null;
    return { ...user, endedSessionIds: ended.map((row) => row.family_id) };
  }

  private async loadOrganization(organizationId: string): Promise<OrganizationAccessState | null> {
    const isActive = await this.organizations.isActive(organizationId);
    return isActive === null ? null : { isActive };
  }

  /**
   * `cached` is [value, generation] as read from Redis, or null if Redis did not answer.
   * A miss loads from PostgreSQL and fills the entry in the background (`null` states too).
   */
  private async cachedOrLoad<T>(
    key: string,
    cached: (string | null)[] | null,
    load: () => Promise<T>,
  ): Promise<T> {
    if (cached?.[0]) return JSON.parse(cached[0]) as T;
    const loaded = await load();
    if (cached) {
      this.redis
        .k3AccessFill(
          key,
          `${key}:gen`,
          cached[1] ?? '',
          JSON.stringify(loaded),
          this.config.accessStateCacheSeconds,
        )
        .catch((e: unknown) => this.warnRedis(e));
    }
    return loaded;
  }

  private async invalidate(key: string): Promise<void> {
    try {
      await this.redis.k3AccessInvalidate(key, `${key}:gen`, GENERATION_TTL_SECONDS);
    } catch (e) {
      this.logger.warn(
        `Could not invalidate access state ${key} (stale for at most ` +
          `${this.config.accessStateCacheSeconds} s): ${(e as Error).message}`,
      );
    }
  }

  private warnRedis(e: unknown): void {
    if (Date.now() - this.lastRedisWarning < 10_000) return;
    this.lastRedisWarning = Date.now();
    this.logger.warn(`Access state cache unavailable, reading PostgreSQL: ${(e as Error).message}`);
  }

  // One MGET reads all four keys; on Redis Cluster they share a slot through the hash tag in
  // QUEUE_PREFIX, as BullMQ's keys must.
  private userKey(userId: string): string {
    return `${this.config.queuePrefix}:access:user:${userId}`;
  }

  private organizationKey(organizationId: string): string {
    return `${this.config.queuePrefix}:access:org:${organizationId}`;
  }
}
