import { Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '../../common/auth/access-token.verifier';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import { User, UsersService } from '../users';
import { TokenPairView } from './dto/auth.dto';
import { RefreshTokensService } from './refresh-tokens.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly tokens: AccessTokenVerifier,
    private readonly refreshTokens: RefreshTokensService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async login(user: User): Promise<TokenPairView> {
    return this.pair(user, await this.refreshTokens.issue(user.id));
  }

  async refresh(refreshToken: string): Promise<TokenPairView> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.findById(rotated.userId);
    if (!user || !user.isActive) {
      await this.refreshTokens.revokeByToken(rotated.refreshToken);
      throw new DomainError('ACCOUNT_INACTIVE', 'This account is deactivated');
    }
    return this.pair(user, rotated.refreshToken);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revokeByToken(refreshToken);
  }

  private pair(user: User, refreshToken: string): TokenPairView {
    return {
      accessToken: this.tokens.sign({
        id: user.id,
        role: user.role,
        organizationId: user.organizationId,
      }),
      expiresIn: this.config.jwtAccessTtlSeconds,
      refreshToken,
      tokenType: 'Bearer',
    };
  }
}
