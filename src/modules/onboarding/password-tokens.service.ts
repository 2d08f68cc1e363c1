import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { returnedRows } from '../../database/raw';
import {
  hashPasswordToken,
  isWellFormedPasswordToken,
  newPasswordToken,
  passwordTokenExpiry,
  PasswordTokenPurpose,
} from './domain/password-token';

export interface IssuedPasswordToken {
  id: string;
  token: string;
  expiresAt: Date;
}

export interface LivePasswordToken {
  id: string;
  userId: string;
  purpose: PasswordTokenPurpose;
  expiresAt: Date;
}

export const invalidPasswordToken = () =>
  new DomainError(
    'PASSWORD_TOKEN_INVALID',
    'This link is invalid or has expired; ask for a new one',
  );

/** Rows of `password_tokens`: single-use links, only SHA-256 of the token stored. */
@Injectable()
export class PasswordTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * A new token for the user and purpose; the older unused one (if any) is deleted in the same
   * statement batch, so only the newest link works. The partial unique index on
   * (user_id, purpose) WHERE used_at IS NULL holds that even for concurrent issues.
   */
  async issue(
    userId: string,
    purpose: PasswordTokenPurpose,
    createdBy: string | null,
    tx: EntityManager,
  ): Promise<IssuedPasswordToken> {
    const { token, tokenHash } = newPasswordToken();
    const expiresAt = passwordTokenExpiry(purpose, new Date(), this.config.passwordTokens);
    await tx.query(
      'DELETE FROM password_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL',
      [userId, purpose],
    );
    const [row] = (await tx.query(
      `INSERT INTO password_tokens (user_id, purpose, token_hash, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, purpose, tokenHash, expiresAt, createdBy],
    )) as { id: string }[];
    return { id: row.id, token, expiresAt };
  }

  /** The unused, unexpired token, or null (malformed, unknown, used, expired: all alike). */
  async findLive(token: string): Promise<LivePasswordToken | null> {
    if (!isWellFormedPasswordToken(token)) return null;
    const [row] = (await this.dataSource.query(
      `SELECT id, user_id AS "userId", purpose, expires_at AS "expiresAt"
         FROM password_tokens
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`,
      [hashPasswordToken(token)],
    )) as LivePasswordToken[];
    return row ?? null;
  }

  /**
   * Marks the token used with one conditional UPDATE: of two concurrent uses exactly one gets the
   * row back, the other throws PASSWORD_TOKEN_INVALID. Other unused links of the user go too
   * (a reset also answers a pending invitation and the other way round).
   */
  async claim(tokenId: string, tx: EntityManager): Promise<void> {
    const claimed = returnedRows<{ user_id: string }>(
      await tx.query(
        `UPDATE password_tokens SET used_at = now()
          WHERE id = $1 AND used_at IS NULL AND expires_at > now()
          RETURNING user_id`,
        [tokenId],
      ),
    );
    if (claimed.length === 0) throw invalidPasswordToken();
    await this.dropUnused(claimed[0].user_id, tx);
  }

  /** Every link of the user that has not been used yet stops working. */
  async dropUnused(userId: string, tx: EntityManager): Promise<void> {
    await tx.query('DELETE FROM password_tokens WHERE user_id = $1 AND used_at IS NULL', [userId]);
  }
}
