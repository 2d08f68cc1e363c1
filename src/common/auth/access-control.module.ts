import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { AccessGuard } from './access.guard';
import { AccessTokenVerifier } from './access-token.verifier';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as
        // a PEM public key on every verify and catches the failure, which cost ~30% of the API's
        // CPU per authenticated request in the progress benchmark.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtAccessTtlSeconds },
      }),
    }),
  ],
  providers: [AccessTokenVerifier, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessTokenVerifier],
})
export class AccessControlModule {}
