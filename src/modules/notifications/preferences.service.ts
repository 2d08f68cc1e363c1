import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { signUnsubscribeToken, verifyUnsubscribeToken } from '@app/mailer';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { USER_ORGANIZATION_SQL } from './mail-queries';
import { categoriesForRole, isPreferenceCategory, PreferenceCategory } from './domain/categories';

export interface PreferenceView {
  category: PreferenceCategory;
  enabled: boolean;
}

/** Per-user opt-outs by category, and the signed one-click unsubscribe links that set them. */
@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** The categories that apply to the user's role, each with its current setting. */
  async list(userId: string, role: string): Promise<PreferenceView[]> {
    const rows = (await this.dataSource.query(
      'SELECT category, enabled FROM notification_preferences WHERE user_id = $1',
      [userId],
    )) as { category: string; enabled: boolean }[];
    const stored = new Map(rows.map((r) => [r.category, r.enabled]));
    return categoriesForRole(role).map((category) => ({
      category,
      enabled: stored.get(category) ?? true,
    }));
  }

  async update(
    userId: string,
    role: string,
    changes: { category: string; enabled: boolean }[],
  ): Promise<PreferenceView[]> {
    for (const change of changes) {
      if (!isPreferenceCategory(change.category)) {
        throw new DomainError(
          'UNKNOWN_NOTIFICATION_CATEGORY',
          `Unknown category "${change.category}"`,
        );
      }
      if (!categoriesForRole(role).includes(change.category)) {
        throw new DomainError(
          'NOTIFICATION_CATEGORY_NOT_FOR_ROLE',
          `No "${change.category}" mail is sent to this account's role`,
          { category: change.category, allowed: [...categoriesForRole(role)] },
        );
      }
    }
    await this.dataSource.transaction(async (tx) => {
      for (const change of changes)
        await this.set(userId, change.category, change.enabled, tx.query.bind(tx));
    });
    return this.list(userId, role);
  }

  unsubscribeUrl(userId: string, category: string): string {
    const token = signUnsubscribeToken(
      { userId, category },
      this.config.notifications.unsubscribeSecret,
    );
    return `${this.config.publicBaseUrl}/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;
  }

  /** Validates a token without changing anything (the confirmation page). */
  readToken(token: string): { userId: string; category: PreferenceCategory } {
    const payload = verifyUnsubscribeToken(token, this.config.notifications.unsubscribeSecret);
    if (!payload || !isPreferenceCategory(payload.category)) {
      throw new DomainError('INVALID_UNSUBSCRIBE_TOKEN', 'This unsubscribe link is invalid');
    }
    return { userId: payload.userId, category: payload.category };
  }

  /** One-click unsubscribe (RFC 8058): takes effect immediately; repeating it is harmless. */
  async unsubscribe(token: string): Promise<{ category: PreferenceCategory }> {
    const { userId, category } = this.readToken(token);
    const [user] = (await this.dataSource.query(USER_ORGANIZATION_SQL, [userId])) as {
      organization_id: string | null;
    }[];
    if (!user)
      throw new DomainError('INVALID_UNSUBSCRIBE_TOKEN', 'This unsubscribe link is invalid');
    await this.set(userId, category, false, this.dataSource.query.bind(this.dataSource));
    await this.audit.record({
      actorId: userId,
      action: 'notifications.unsubscribed',
      entityType: 'user',
      entityId: userId,
      organizationId: user.organization_id,
      data: { category },
    });
    return { category };
  }

  private async set(
    userId: string,
    category: string,
    enabled: boolean,
    query: (sql: string, params: unknown[]) => Promise<unknown>,
  ): Promise<void> {
    await query(
      `INSERT INTO notification_preferences (user_id, category, enabled, updated_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id, category) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [userId, category, enabled],
    );
  }
}
