import {
  CanActivate,
  Controller,
  ExecutionContext,
  HttpCode,
  Injectable,
  Post,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { AppConfig } from '../../config/app-config';
import { User } from '../users';
import { AuthService } from './auth.service';
import {
  assertSameOriginBrowserRequest,
  BROWSER_SESSION_COOKIE,
  BROWSER_SESSION_PATH,
  cookieShouldBeSecure,
  CSRF_HEADER,
  readCookie,
  sessionCookieHeader,
} from './domain/browser-session';
import { LoginDto, TokenPairView } from './dto/auth.dto';
import { LocalAuthGuard } from './local-auth.guard';

export class BrowserSessionView {
  @ApiProperty({ description: 'Keep in memory only; the refresh token is in an httpOnly cookie' })
  accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty() tokenType!: 'Bearer';
}

const csrfHeader = ApiHeader({
  name: 'X-CSRF',
  required: true,
  description: 'Must be 1; the request must also be same-origin (Origin / Sec-Fetch-Site)',
});

/** Runs before the credentials are even checked: a cross-site request gets 403, nothing else. */
@Injectable()
export class BrowserCsrfGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    assertSameOriginBrowserRequest({
      csrfHeader: header(CSRF_HEADER),
      origin: header('origin'),
      secFetchSite: header('sec-fetch-site'),
      ownOrigin: `${request.protocol}://${request.host}`,
      publicOrigin: new URL(this.config.publicBaseUrl).origin,
    });
    return true;
  }
}

/**
 * Turns a token pair into the browser session: refresh token in the httpOnly cookie, access token
 * in the body. Also used by other modules' browser routes (e.g. setting a password from a link).
 */
export function startBrowserSession(
  config: AppConfig,
  request: FastifyRequest,
  reply: FastifyReply,
  pair: TokenPairView,
): BrowserSessionView {
  const cookie = sessionCookieHeader(pair.refreshToken, {
    secure: cookieShouldBeSecure(config.publicBaseUrl, request.protocol),
    maxAgeSeconds: config.refreshTokenTtlDays * 24 * 3600,
  });
  void reply.header('Set-Cookie', cookie).header('Cache-Control', 'no-store');
  return { accessToken: pair.accessToken, expiresIn: pair.expiresIn, tokenType: 'Bearer' };
}

export const BrowserCsrfHeaderDoc = csrfHeader;

/**
 * The web app's session: the refresh token travels only in an httpOnly, SameSite=Strict cookie
 * scoped to these routes; the access token is returned in the body and kept in memory.
 * Other clients keep using /auth/login|refresh|logout with bearer tokens.
 */
@ApiTags('auth')
@UseGuards(BrowserCsrfGuard)
@Controller(BROWSER_SESSION_PATH.slice(1))
export class BrowserSessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @csrfHeader
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: BrowserSessionView })
  @ApiErrors(400, 401, 403, 429)
  async login(
    @Req() request: FastifyRequest & { user: User },
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionView> {
    return this.respond(request, reply, await this.auth.login(request.user));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @csrfHeader
  @ApiOkResponse({ type: BrowserSessionView })
  @ApiErrors(401, 403)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSessionView> {
    const token = readCookie(request.headers.cookie, BROWSER_SESSION_COOKIE);
    if (!token) throw new DomainError('INVALID_REFRESH_TOKEN', 'No browser session');
    try {
      return this.respond(request, reply, await this.auth.refresh(token));
    } catch (e) {
      this.clear(request, reply);
      throw e;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @csrfHeader
  @ApiNoContentResponse({ description: 'Session ended and cookie cleared' })
  @ApiErrors(403)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const token = readCookie(request.headers.cookie, BROWSER_SESSION_COOKIE);
    this.clear(request, reply);
    if (token) await this.auth.logout(token).catch(() => undefined);
  }

  private secure(request: FastifyRequest): boolean {
    return cookieShouldBeSecure(this.config.publicBaseUrl, request.protocol);
  }

  private respond(
    request: FastifyRequest,
    reply: FastifyReply,
    pair: TokenPairView,
  ): BrowserSessionView {
    return startBrowserSession(this.config, request, reply, pair);
  }

  private clear(request: FastifyRequest, reply: FastifyReply): void {
    void reply.header(
      'Set-Cookie',
      sessionCookieHeader('', { secure: this.secure(request), maxAgeSeconds: 0 }),
    );
  }
}
