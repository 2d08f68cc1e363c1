import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { AppConfig } from '../../config/app-config';
import { cookieShouldBeSecure } from './domain/browser-session';
import { queueDashboardCookieHeader, secondsUntilExpiry } from './domain/queue-dashboard-cookie';

@ApiTags('admin queues')
@ApiBearerAuth()
@ApiErrors(401, 403)
@Controller('api/v1/admin/queue-dashboard-session')
@Roles(Role.Admin)
export class QueueDashboardSessionController {
  constructor(private readonly config: AppConfig) {}

  /** Sets the dashboard cookie from this request's (already verified) bearer token. */
  @Post()
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Cookie set (httpOnly, SameSite=Strict, Path=/admin/queues) for as long as the access token lives',
  })
  open(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const cookie = queueDashboardCookieHeader(token, {
      secure: cookieShouldBeSecure(this.config.publicBaseUrl, request.protocol),
      maxAgeSeconds: secondsUntilExpiry(token, Date.now()),
    });
    void reply.header('Set-Cookie', cookie).header('Cache-Control', 'no-store');
  }
}
