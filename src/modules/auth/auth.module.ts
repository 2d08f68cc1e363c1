import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { OrganizationsModule } from '../organizations';
import { UsersModule } from '../users';
import { AccessChangeSubscriber } from './access-change.subscriber';
import { AccessStateModule } from './access-state.module';
import { AuthController, MeController } from './auth.controller';
import { AuthService } from './auth.service';
import { BrowserSessionController } from './browser-session.controller';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle';
import { QueueDashboardSessionController } from './queue-dashboard-session.controller';
import { RefreshTokensService } from './refresh-tokens.service';

@Module({
  imports: [PassportModule, UsersModule, OrganizationsModule, AccessStateModule],
  controllers: [
    AuthController,
    MeController,
    BrowserSessionController,
    QueueDashboardSessionController,
  ],
  providers: [
    AuthService,
    LocalStrategy,
    LoginThrottle,
    RefreshTokensService,
    AccessChangeSubscriber,
  ],
  exports: [AuthService],
})
export class AuthModule {}
