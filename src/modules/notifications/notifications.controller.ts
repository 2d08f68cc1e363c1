import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { CourseStaffOnly } from '../courses';
import { AuthUser, ALL_ROLES, Public, Role, Roles } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import { CourseSettingsService } from './course-settings.service';
import {
  CourseNotificationSettingsDoc,
  ListOutboxQueryDto,
  ListSuppressionsQueryDto,
  OutboxPageDoc,
  OutboxRowDoc,
  PreferencesResponse,
  PreviewQueryDto,
  SuppressionEmailParam,
  SuppressionView,
  TemplateNameParam,
  TemplatePreviewDoc,
  UnsubscribedDoc,
  UnsubscribeQueryDto,
  UpdateCourseNotificationSettingsDto,
  UpdatePreferencesDto,
} from './dto/notifications.dto';
import { OutboxAdminService } from './outbox-admin.service';
import { PreferencesService } from './preferences.service';
import { SuppressionsAdminService } from './suppressions-admin.service';
import { PageOf } from '../../common/http/api-responses.decorator';
import { confirmationPage, donePage, invalidLinkPage } from './unsubscribe-page';

const HTML = { 'text/html': { schema: { type: 'string' } } };

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(400, 401)
@Controller('api/v1/me/notification-preferences')
@Roles(...ALL_ROLES)
export class MyNotificationPreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiOkResponse({ type: PreferencesResponse })
  async get(@CurrentUser() actor: AuthUser): Promise<PreferencesResponse> {
    return { items: await this.preferences.list(actor.id, actor.role) };
  }

  @Put()
  @ApiOkResponse({ type: PreferencesResponse })
  async update(
    @Body() dto: UpdatePreferencesDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<PreferencesResponse> {
    return { items: await this.preferences.update(actor.id, actor.role, dto.preferences) };
  }
}

/** RFC 8058 one-click unsubscribe: POST changes the preference; GET only shows a confirmation. */
@ApiTags('notifications')
@ApiErrors(400)
@Controller('api/v1/unsubscribe')
@Public()
export class UnsubscribeController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiResponse({ status: 200, description: 'Confirmation page', content: HTML })
  @ApiResponse({ status: 400, description: 'Invalid or expired link', content: HTML })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  confirm(
    @Query() query: UnsubscribeQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    try {
      return confirmationPage(query.token, this.preferences.readToken(query.token).category);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      void reply.code(400);
      return invalidLinkPage();
    }
  }

  @Post()
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiExtraModels(UnsubscribedDoc)
  @ApiResponse({
    status: 200,
    description: 'Unsubscribed; an HTML page when the client accepts text/html',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(UnsubscribedDoc) } },
      ...HTML,
    },
  })
  async unsubscribe(
    @Query() query: UnsubscribeQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | { unsubscribed: true; category: string }> {
    const { category } = await this.preferences.unsubscribe(query.token);
    if (String(request.headers.accept ?? '').includes('text/html')) {
      void reply.header('Content-Type', 'text/html; charset=utf-8');
      return donePage(category);
    }
    return { unsubscribed: true, category };
  }
}

@ApiTags('admin e-mail')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/admin')
@Roles(Role.Admin)
export class AdminEmailController {
  constructor(
    private readonly outbox: OutboxAdminService,
    private readonly suppressions: SuppressionsAdminService,
  ) {}

  @Get('email-outbox')
  @ApiOkResponse({ type: OutboxPageDoc })
  list(@Query() query: ListOutboxQueryDto) {
    return this.outbox.list(query);
  }

  @Post('email-outbox/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: OutboxRowDoc })
  @ApiErrors(404, 409)
  retry(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser) {
    return this.outbox.retry(id, actor);
  }

  @Get('email-suppressions')
  @ApiOkResponse({ type: PageOf(SuppressionView), description: 'Newest first' })
  listSuppressions(@Query() query: ListSuppressionsQueryDto) {
    return this.suppressions.list(query);
  }

  @Delete('email-suppressions/:email')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed: mail to the address goes out again' })
  @ApiErrors(404)
  async removeSuppression(
    @Param() params: SuppressionEmailParam,
    @CurrentUser() actor: AuthUser,
  ): Promise<void> {
    await this.suppressions.remove(params.email, actor);
  }

  @Get('email-templates/:name/preview')
  @ApiOkResponse({ type: TemplatePreviewDoc })
  @ApiErrors(404)
  preview(@Param() params: TemplateNameParam, @Query() query: PreviewQueryDto) {
    return this.outbox.preview(params.name, query.locale);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/courses/:courseId/notification-settings')
@Roles(Role.Admin, Role.Instructor)
@CourseStaffOnly('courseId')
export class CourseNotificationSettingsController {
  constructor(private readonly settings: CourseSettingsService) {}

  @Get()
  @ApiOkResponse({ type: CourseNotificationSettingsDoc })
  get(@Param('courseId', UuidParam) courseId: string) {
    return this.settings.get(courseId);
  }

  @Put()
  @ApiOkResponse({ type: CourseNotificationSettingsDoc })
  update(
    @Param('courseId', UuidParam) courseId: string,
    @Body() dto: UpdateCourseNotificationSettingsDto,
    @CurrentUser() actor: AuthUser,
  ) {
    return this.settings.set(courseId, dto.inactivityDays ?? null, actor);
  }
}
