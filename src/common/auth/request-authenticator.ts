import { Injectable, Optional } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { AccessStatePort } from './access-state.port';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthUser } from './roles';

/** Bearer header -> caller: the signature and expiry, then the current access state. */
@Injectable()
export class RequestAuthenticator {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    @Optional() private readonly accessState?: AccessStatePort,
  ) {}

  async authenticate(authorizationHeader: string | undefined): Promise<AuthUser> {
    const token = await this.verifier.verifyAuthorizationHeader(authorizationHeader);
    // A process wired without an access-state provider (the worker) serves no requests;
    // refuse rather than trust a token nobody can check.
    if (!this.accessState) {
      throw new DomainError('UNAUTHENTICATED', 'Access tokens cannot be checked here');
    }
    await this.accessState.assertUsable(token);
    return token.user;
  }
}
