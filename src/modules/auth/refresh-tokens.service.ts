import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/raw';
import { AccessStateService } from './access-state.service';
import { RefreshToken } from './entities/refresh-token.entity';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface IssuedRefreshToken {
  refreshToken: string;
  /** The family id: one login session; access tokens carry it as `sid`. */
  sessionId: string;
}

/**
 * Opaque refresh tokens `<row id>.<secret>`; only SHA-256(secret) is stored. A token family
 * is one login session: revoking it also ends the session's access tokens (the access check
 * reads recently revoked families), so every revocation invalidates the user's access state.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly accessState: AccessStateService,
  ) {}

  async issue(userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshToken).insert({
      id,
      userId,
      familyId,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86400_000),
    });
    return { refreshToken: `${id}.${secret}`, sessionId: familyId };
  }

  /**
   * Exchanges a refresh token for a new one in the same family. The old row is claimed with
   * one conditional UPDATE, so two concurrent refreshes with the same token cannot both win;
   * presenting an already-rotated token revokes the whole family (theft detection).
   */
  async rotate(token: string): Promise<IssuedRefreshToken & { userId: string }> {
    const row = await this.find(token);
    const newId = randomUUID();
    const claimed = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE refresh_tokens SET replaced_by_id = $2
          WHERE id = $1 AND replaced_by_id IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING id`,
        [row.id, newId],
      ),
    );
    if (claimed.length === 0) {
      if (row.replacedById !== null || row.revokedAt !== null) {
        await this.revokeFamily(row.familyId, row.userId);
        throw new DomainError(
          'REFRESH_TOKEN_REUSED',
          'This refresh token was already used; all sessions of this login were signed out',
        );
      }
      throw new DomainError('INVALID_REFRESH_TOKEN', 'Refresh token expired or revoked');
    }
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(RefreshToken).insert({
      id: newId,
      userId: row.userId,
      familyId: row.familyId,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86400_000),
    });
    return { userId: row.userId, sessionId: row.familyId, refreshToken: `${newId}.${secret}` };
  }

  /** Ends the token's session: its refresh tokens and its access tokens. */
  async revokeByToken(token: string): Promise<void> {
    const row = await this.find(token);
    await this.revokeFamily(row.familyId, row.userId);
  }

  /**
   * Every session of the user, inside the caller's transaction; the caller invalidates the
   * access state after commit.
   */
  async revokeAllOfUser(userId: string, tx: EntityManager): Promise<void> {
    await tx.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }

  async deleteAllOfUser(userId: string, tx: EntityManager): Promise<void> {
    await tx.delete(RefreshToken, { userId });
  }

  private async revokeFamily(familyId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
    await this.accessState.invalidateUser(userId);
  }

  private async find(token: string): Promise<RefreshToken> {
    const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
    const invalid = new DomainError('INVALID_REFRESH_TOKEN', 'Refresh token is invalid');
    if (!match) throw invalid;
    const row = await this.dataSource.getRepository(RefreshToken).findOneBy({ id: match[1] });
    if (!row) throw invalid;
    const expected = Buffer.from(row.tokenHash, 'hex');
    const actual = Buffer.from(sha256(match[2]), 'hex');
    if (!timingSafeEqual(expected, actual)) throw invalid;
    return row;
  }
}
