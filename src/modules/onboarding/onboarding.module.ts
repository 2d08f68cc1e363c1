import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { NotificationsModule } from '../notifications';
import { UsersModule } from '../users';
import { ForgotPasswordThrottle } from './forgot-password-throttle';
import {
  AdminInvitationController,
  BrowserPasswordController,
  EmployeeInvitationController,
  PasswordController,
} from './onboarding.controller';
import { OnboardingService } from './onboarding.service';
import { PasswordTokensService } from './password-tokens.service';

@Module({
  imports: [UsersModule, AuthModule, NotificationsModule],
  controllers: [
    PasswordController,
    BrowserPasswordController,
    EmployeeInvitationController,
    AdminInvitationController,
  ],
  providers: [OnboardingService, PasswordTokensService, ForgotPasswordThrottle],
})
export class OnboardingModule {}
