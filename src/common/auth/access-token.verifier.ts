import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { AuthUser, Role } from './roles';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  typ: 'access';
}

/** Signs and verifies short-lived access tokens (HS256 JWT). */
@Injectable()
export class AccessTokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  sign(user: AuthUser): string {
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      org: user.organizationId,
      typ: 'access',
    };
    return this.jwt.sign(claims);
  }

  async verify(token: string): Promise<AuthUser> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: ['HS256'],
      });
      if (claims.typ !== 'access') throw new Error('wrong token type');
      return { id: claims.sub, role: claims.role, organizationId: claims.org };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Missing, invalid or expired access token');
    }
  }

  async verifyAuthorizationHeader(header: string | undefined): Promise<AuthUser> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Missing bearer access token');
    return this.verify(match[1]);
  }
}
