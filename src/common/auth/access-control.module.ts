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
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwtAccessTtlSeconds },
      }),
    }),
  ],
  providers: [AccessTokenVerifier, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessTokenVerifier],
})
export class AccessControlModule {}
