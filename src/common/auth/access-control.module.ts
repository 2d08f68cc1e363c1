import { createSecretKey } from 'node:crypto';
import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier } from './access-token.verifier';
import { RequestAuthenticator } from './request-authenticator';

@Module({})
export class AccessControlModule {
  /**
   * @param accessState a module exporting an `AccessStatePort` provider (the API passes the
   * auth module's); without one every bearer token is refused.
   */
  static forRoot(accessState?: Type): DynamicModule {
    return {
      module: AccessControlModule,
      global: true,
      imports: [
        JwtModule.registerAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it
            // as a PEM public key on every verify and catches the failure, which cost ~30% of
            // the API's CPU per authenticated request in the progress benchmark.
            secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
            signOptions: { algorithm: 'HS256', expiresIn: config.jwtAccessTtlSeconds },
          }),
        }),
        ...(accessState ? [accessState] : []),
      ],
      providers: [
        AccessTokenVerifier,
        RequestAuthenticator,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [AccessTokenVerifier, RequestAuthenticator],
    };
  }
}
