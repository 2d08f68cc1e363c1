import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../errors/domain-error';
import { AuthUser, Role } from './roles';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  typ: 'access';
  /** The refresh-token family (login session) this token belongs to; logout ends it. */
  sid: string;
  /** The user's token version when signed; bumped on deactivation and password change. */
  ver: number;
}

/** The session an access token was issued for, as signed into it. */
export interface AccessTokenSession {
  sessionId: string;
  tokenVersion: number;
}

export interface VerifiedAccessToken extends AccessTokenSession {
  user: AuthUser;
}

/** Signs and verifies short-lived access tokens (HS256 JWT). Signature and expiry only. */
@Injectable()
export class AccessTokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  sign(user: AuthUser, session: AccessTokenSession): string {
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      org: user.organizationId,
      typ: 'access',
      sid: session.sessionId,
      ver: session.tokenVersion,
    };
    return this.jwt.sign(claims);
  }

  async verify(token: string): Promise<VerifiedAccessToken> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        algorithms: ['HS256'],
      });
      if (claims.typ !== 'access') throw new Error('wrong token type');
      // Tokens signed before sessions were tracked carry neither; the client refreshes.
      if (typeof claims.sid !== 'string' || !Number.isInteger(claims.ver)) {
        throw new Error('no session claims');
      }
      return {
        user: { id: claims.sub, role: claims.role, organizationId: claims.org },
        sessionId: claims.sid,
        tokenVersion: claims.ver,
      };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Missing, invalid or expired access token');
    }
  }

  async verifyAuthorizationHeader(header: string | undefined): Promise<VerifiedAccessToken> {
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new DomainError('UNAUTHENTICATED', 'Missing bearer access token');
    return this.verify(match[1]);
  }
}
