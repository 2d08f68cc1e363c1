import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { ALL_ROLES, AuthUser, Public, Roles } from '../../common/auth/roles';
import { notFound } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { OrganizationsService } from '../organizations';
import { toUserView, User, UsersService } from '../users';
import { AuthService } from './auth.service';
import { LoginDto, MeView, RefreshDto, TokenPairView, UpdateMeDto } from './dto/auth.dto';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairView })
  @ApiErrors(400, 401, 429)
  login(@Req() request: { user: User }): Promise<TokenPairView> {
    return this.auth.login(request.user);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView })
  @ApiErrors(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Logged out; the refresh token family is revoked' })
  @ApiErrors(400, 401)
  async logout(@Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(dto.refreshToken);
  }
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: MeView })
  @ApiErrors(401)
  async me(@CurrentUser() actor: AuthUser): Promise<MeView> {
    const user = await this.users.findById(actor.id);
    if (!user) throw notFound('User');
    return this.view(user);
  }

  @Patch()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: MeView, description: 'Own language and time zone; audited' })
  @ApiErrors(400, 401)
  async update(@CurrentUser() actor: AuthUser, @Body() dto: UpdateMeDto): Promise<MeView> {
    return this.view(
      await this.users.updateOwnSettings(actor, { locale: dto.locale, timeZone: dto.timeZone }),
    );
  }

  private async view(user: User): Promise<MeView> {
    const organization = user.organizationId
      ? await this.organizations.get(user.organizationId)
      : null;
    return {
      ...toUserView(user),
      organizationName: organization?.name ?? null,
      timeZone: user.timeZone,
    };
  }
}
