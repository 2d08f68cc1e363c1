import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { AuditService } from '../audit';
import { AuthService, TokenPairView } from '../auth';
import { NotificationsService } from '../notifications';
import { assertAcceptablePassword, UserEvents, UsersService } from '../users';
import { passwordTokenPath, PasswordTokenPurpose } from './domain/password-token';
import { ForgotPasswordThrottle } from './forgot-password-throttle';
import { invalidPasswordToken, PasswordTokensService } from './password-tokens.service';

export interface PasswordTokenInfo {
  purpose: PasswordTokenPurpose;
  name: string;
  expiresAt: Date;
}

interface InviteeRow {
  id: string;
  name: string;
  /** The organization's name for its members, else the inviting admin's name. */
  invited_by: string | null;
}

/**
 * Invitations (users created without a password get a one-time set-password link) and
 * "forgot password" resets, both through `password_tokens` and the notifications outbox.
 */
@Injectable()
export class OnboardingService implements OnModuleInit {
  private readonly logger = new Logger(OnboardingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: PasswordTokensService,
    private readonly users: UsersService,
    private readonly userEvents: UserEvents,
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
    private readonly throttle: ForgotPasswordThrottle,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // In the creating transaction: the user, the token and the outbox row commit together.
    this.userEvents.onCreatedWithoutPassword(async ({ userIds, actorId }, tx) => {
      await this.invite(userIds, actorId, tx);
    });
    // A password set any other way (admin PATCH), a deactivation or a delete ends pending links.
    this.userEvents.onAccessChanged({
      inTransaction: ({ userId, changes }, tx) =>
        changes.some((c) => c !== 'reactivated')
          ? this.tokens.dropUnused(userId, tx)
          : Promise.resolve(),
    });
  }

  /** HR or admin: a new link for a user who has not set a password yet; the old link stops. */
  async resendInvitation(userId: string, actor: AuthUser): Promise<{ expiresAt: Date }> {
    const user = await this.users.getScoped(userId, actor);
    if (user.passwordHash) {
      throw new DomainError('ALREADY_ACTIVATED', 'The user has set a password already');
    }
    if (!user.isActive) {
      throw new DomainError('CONFLICT', 'The user is deactivated; reactivate them first');
    }
    const [issued] = await this.dataSource.transaction((tx) =>
      this.invite([user.id], actor.id, tx),
    );
    if (!issued) throw new DomainError('ALREADY_ACTIVATED', 'The user has set a password already');
    await this.audit.record({
      actorId: actor.id,
      action: 'user.invitation-resent',
      entityType: 'user',
      entityId: user.id,
      organizationId: user.organizationId,
    });
    return { expiresAt: issued.expiresAt };
  }

  /** What the set-password / reset page shows before the password is typed. */
  async tokenInfo(token: string): Promise<PasswordTokenInfo> {
    const live = await this.tokens.findLive(token);
    const user = live && (await this.users.findById(live.userId));
    if (!live || !user || !(await this.auth.maySignIn(user))) throw invalidPasswordToken();
    return { purpose: live.purpose, name: user.name, expiresAt: live.expiresAt };
  }

  /**
   * Sets the password from an invitation or reset link and signs the user in. The policy is
   * checked before the link is used, so a refused password leaves the link working; every
   * earlier session ends (UserEvents 'password-changed').
   */
  async setPassword(token: string, password: string): Promise<TokenPairView> {
    const live = await this.tokens.findLive(token);
    const user = live && (await this.users.findById(live.userId));
    if (!live || !user || !(await this.auth.maySignIn(user))) throw invalidPasswordToken();
    assertAcceptablePassword(password, user.email);
    const updated = await this.users.setPassword(user.id, password, (tx) =>
      this.tokens.claim(live.id, tx),
    );
    await this.audit.record({
      actorId: user.id,
      action: live.purpose === 'invite' ? 'user.activated' : 'user.password-reset',
      entityType: 'user',
      entityId: user.id,
      organizationId: user.organizationId,
    });
    return this.auth.login(updated);
  }

  /**
   * Sends a reset link when the address belongs to an active user of an active organization;
   * answers the same either way (the caller always gets 202).
   */
  async forgotPassword(email: string, ip: string): Promise<void> {
    const address = email.trim().toLowerCase();
    await this.throttle.consume(ip, address);
    const user = await this.users.findByEmail(address);
    if (!user || !(await this.auth.maySignIn(user))) return;
    await this.dataSource.transaction(async (tx) => {
      const issued = await this.tokens.issue(user.id, 'reset', null, tx);
      await this.notifications.enqueue(
        {
          userId: user.id,
          template: 'password_reset',
          data: {
            recipientName: user.name,
            resetUrl: passwordTokenPath('reset', issued.token),
            expiresAt: issued.expiresAt.toISOString(),
          },
          idempotencyKey: `password-reset:${issued.id}`,
        },
        tx,
      );
    });
  }

  private async invite(
    userIds: string[],
    actorId: string,
    tx: EntityManager,
  ): Promise<{ userId: string; expiresAt: Date }[]> {
    const rows = (await tx.query(
      `SELECT u.id, u.name, coalesce(o.name, actor.name) AS invited_by
         FROM users u
         LEFT JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN users actor ON actor.id = $2
        WHERE u.id = ANY($1::uuid[]) AND u.password_hash IS NULL`,
      [userIds, actorId],
    )) as InviteeRow[];
    const issued: { userId: string; expiresAt: Date }[] = [];
    for (const row of rows) {
      const token = await this.tokens.issue(row.id, 'invite', actorId, tx);
      await this.notifications.enqueue(
        {
          userId: row.id,
          template: 'invitation',
          data: {
            recipientName: row.name,
            invitedBy: row.invited_by ?? this.config.certificateIssuer.organizationName,
            setPasswordUrl: passwordTokenPath('invite', token.token),
            expiresAt: token.expiresAt.toISOString(),
          },
          idempotencyKey: `invitation:${token.id}`,
        },
        tx,
      );
      issued.push({ userId: row.id, expiresAt: token.expiresAt });
    }
    if (rows.length < userIds.length) {
      this.logger.warn(
        `invitation: ${userIds.length - rows.length} user(s) not found or activated`,
      );
    }
    return issued;
  }
}
