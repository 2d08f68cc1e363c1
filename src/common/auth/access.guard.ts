import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { RequestAuthenticator } from './request-authenticator';
import { AuthUser, PUBLIC_KEY, Role, ROLES_KEY } from './roles';

/**
 * Global guard: authenticates the bearer token (signature, expiry, and whether its user,
 * organization and session are still active), then checks the route's declared roles.
 * A route that declares neither @Roles nor @Public is refused (and the boot-time route
 * audit refuses to start such an app), so a forgotten declaration never opens a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const user = await this.authenticator.authenticate(request.headers.authorization);
    request.user = user;
    if (!roles || !roles.includes(user.role)) {
      throw new DomainError('FORBIDDEN', 'Your role may not use this route');
    }
    return true;
  }
}
