import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { DomainError } from '../../common/errors/domain-error';
import { PasswordHasher, User, UsersService } from '../users';
import { AccessStateService } from './access-state.service';
import { LoginThrottle } from './login-throttle';

/**
 * passport-local: e-mail + password, throttled per account and per IP before any check.
 * An unknown e-mail, a wrong password, a deactivated account and an account of a deactivated
 * organization all get the same answer, after the same password check, so neither the body
 * nor the time tells them apart (and only a real success resets the account's counter).
 */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy) {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly accessState: AccessStateService,
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
    const [valid, refusal] = await Promise.all([
      this.hasher.verify(user?.passwordHash ?? null, password),
      user ? this.accessState.signInRefusal(user) : null,
    ]);
    if (!user || !valid || refusal) {
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong e-mail or password');
    }
    await this.throttle.afterSuccess(normalisedEmail, request.ip);
    return user;
  }
}
