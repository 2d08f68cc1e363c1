import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { DomainError } from '../../common/errors/domain-error';
import { PasswordHasher, User, UsersService } from '../users';
import { LoginThrottle } from './login-throttle';

/** passport-local: e-mail + password, throttled per account and per IP before any check. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
  ) {
    super({
      usernameField: 'email',
      passwordField: 'password',
      passReqToCallback: true,
      session: false,
    });
  }

  async validate(request: FastifyRequest, email: unknown, password: unknown): Promise<User> {
    if (
      typeof email !== 'string' ||
      typeof password !== 'string' ||
      email.length > 254 ||
      password.length > 128
    ) {
      throw new DomainError('VALIDATION_FAILED', 'email and password must be strings');
    }
    const normalisedEmail = email.trim().toLowerCase();
    await this.throttle.beforeAttempt(normalisedEmail, request.ip);
    const user = await this.users.findByEmail(normalisedEmail);
    const valid = await this.hasher.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    if (!user.isActive) throw new DomainError('ACCOUNT_INACTIVE', 'This account is deactivated');
    await this.throttle.afterSuccess(normalisedEmail, request.ip);
    return user;
  }
}
