import {
  applyDecorators,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Public, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import { AppConfig } from '../../config/app-config';
import {
  BrowserCsrfGuard,
  BrowserCsrfHeaderDoc,
  BrowserSessionView,
  startBrowserSession,
  TokenPairView,
} from '../auth';
import {
  ForgotPasswordAcceptedView,
  ForgotPasswordDto,
  InvitationView,
  PasswordTokenQueryDto,
  PasswordTokenView,
  SetPasswordDto,
} from './dto/onboarding.dto';
import { OnboardingService } from './onboarding.service';

const FORGOT_ANSWER: ForgotPasswordAcceptedView = {
  message: 'If the address belongs to an account, a reset link is on its way',
};

@ApiTags('auth')
@Controller('api/v1/auth/password')
export class PasswordController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Post('set')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    type: TokenPairView,
    description: 'Password set from an invitation or reset link; signed in like /auth/login',
  })
  @ApiErrors(400, 422)
  setPassword(@Body() dto: SetPasswordDto): Promise<TokenPairView> {
    return this.onboarding.setPassword(dto.token, dto.password);
  }

  @Post('forgot')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ForgotPasswordAcceptedView })
  @ApiErrors(400, 429)
  async forgot(
    @Body() dto: ForgotPasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<ForgotPasswordAcceptedView> {
    await this.onboarding.forgotPassword(dto.email, request.ip);
    return FORGOT_ANSWER;
  }

  @Get('token')
  @Public()
  @ApiOkResponse({ type: PasswordTokenView })
  @ApiErrors(400)
  tokenInfo(@Query() query: PasswordTokenQueryDto): Promise<PasswordTokenView> {
    return this.onboarding.tokenInfo(query.token);
  }
}

/**
 * The web app's variant of POST /auth/password/set: same rules and errors, but the new session
 * is a browser session (refresh token in the httpOnly cookie, access token in the body), with
 * the same CSRF check as /auth/browser/login.
 */
@ApiTags('auth')
@UseGuards(BrowserCsrfGuard)
@Controller('api/v1/auth/browser/password')
export class BrowserPasswordController {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly config: AppConfig,
  ) {}

  @Post('set')
  @Public()
  @HttpCode(200)
  @BrowserCsrfHeaderDoc
  @ApiOkResponse({
    type: BrowserSessionView,
    description:
      'Password set from an invitation or reset link; signed in like /auth/browser/login',
  })
  @ApiErrors(400, 403, 422)
  async setPassword(
    @Body() dto: SetPasswordDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionView> {
    const pair = await this.onboarding.setPassword(dto.token, dto.password);
    return startBrowserSession(this.config, request, reply, pair);
  }
}

/** HR (own organization) and admin resend an invitation the same way, under their own paths. */
const ResendInvitationRoute = (role: Role) =>
  applyDecorators(
    Post(':id/invitation'),
    Roles(role),
    HttpCode(202),
    ApiAcceptedResponse({
      type: InvitationView,
      description: 'A new link is sent; the old one stops',
    }),
    ApiErrors(400, 401, 403, 404, 409),
  );

const resendView = (userId: string, { expiresAt }: { expiresAt: Date }): InvitationView => ({
  userId,
  expiresAt,
});

@ApiTags('employees')
@ApiBearerAuth()
@Controller('api/v1/employees')
export class EmployeeInvitationController {
  constructor(private readonly onboarding: OnboardingService) {}

  @ResendInvitationRoute(Role.Hr)
  async resend(
    @Param('id', UuidParam) id: string,
    @CurrentUser() hr: AuthUser,
  ): Promise<InvitationView> {
    return resendView(id, await this.onboarding.resendInvitation(id, hr));
  }
}

@ApiTags('admin users')
@ApiBearerAuth()
@Controller('api/v1/admin/users')
export class AdminInvitationController {
  constructor(private readonly onboarding: OnboardingService) {}

  @ResendInvitationRoute(Role.Admin)
  async resend(
    @Param('id', UuidParam) id: string,
    @CurrentUser() admin: AuthUser,
  ): Promise<InvitationView> {
    return resendView(id, await this.onboarding.resendInvitation(id, admin));
  }
}
