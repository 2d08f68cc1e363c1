import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '../../common/auth/access-token.verifier';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { User, UsersService } from '../users';
import { AccessStateService } from './access-state.service';
import { TokenPairView } from './dto/auth.dto';
import { IssuedRefreshToken, RefreshTokensService } from './refresh-tokens.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly tokens: AccessTokenVerifier,
    private readonly refreshTokens: RefreshTokensService,
    private readonly users: UsersService,
    private readonly accessState: AccessStateService,
    private readonly config: AppConfig,
  ) {}

  /** `user` has passed LocalStrategy (right password, allowed to sign in). */
  async login(user: User): Promise<TokenPairView> {
    return this.pair(user, await this.refreshTokens.issue(user.id));
  }

  /** Whether the user (and their organization) may sign in right now. */
  async maySignIn(user: User): Promise<boolean> {
    return (await this.accessState.signInRefusal(user)) === null;
  }

  async refresh(refreshToken: string): Promise<TokenPairView> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.findById(rotated.userId);
    if (!user || (await this.accessState.signInRefusal(user))) {
      await this.refreshTokens.revokeByToken(rotated.refreshToken);
      throw new DomainError('INVALID_REFRESH_TOKEN', 'Refresh token expired or revoked');
    }
    return this.pair(user, rotated);
  }

  /** Ends the session: its refresh tokens and, from the next request on, its access tokens. */
  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revokeByToken(refreshToken);
  }

  private pair(user: User, session: IssuedRefreshToken): TokenPairView {
    return {
      accessToken: this.tokens.sign(
        { id: user.id, role: user.role, organizationId: user.organizationId },
        { sessionId: session.sessionId, tokenVersion: user.tokenVersion },
      ),
      expiresIn: this.config.jwtAccessTtlSeconds,
      refreshToken: session.refreshToken,
      tokenType: 'Bearer',
    };
  }
}
