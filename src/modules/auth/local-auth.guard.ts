import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '../../common/errors/domain-error';

@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<TUser>(
    err: unknown,
    user: TUser | false,
    info?: { message?: string },
  ): TUser {
    if (err) throw err;
    if (!user) {
      throw new DomainError(
        'VALIDATION_FAILED',
        info?.message ?? 'email and password are required',
        [{ field: 'email', messages: ['email and password are required'] }],
      );
    }
    return user;
  }
}
