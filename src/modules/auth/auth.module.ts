import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { OrganizationsModule } from '../organizations/organizations.module';
import { UsersModule } from '../users/users.module';
import { AuthController, MeController } from './auth.controller';
import { AuthService } from './auth.service';
import { BrowserSessionController } from './browser-session.controller';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle';
import { RefreshTokensService } from './refresh-tokens.service';

@Module({
  imports: [PassportModule, UsersModule, OrganizationsModule],
  controllers: [AuthController, MeController, BrowserSessionController],
  providers: [AuthService, LocalStrategy, LoginThrottle, RefreshTokensService],
})
export class AuthModule {}
