import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.decorator';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { readSingleUpload, uploadAsText } from '../../common/http/upload';
import { UuidParam } from '../../common/http/uuid-param';
import {
  CreateEmployeeDto,
  CreateUserDto,
  ImportPreviewView,
  ImportQueryDto,
  ImportResultView,
  ListUsersQueryDto,
  UpdateUserDto,
  UserView,
} from './dto/user.dto';
import { UsersService } from './users.service';
import { HeavyRoute } from '../rate-limit';
import { toUserView } from './users.views';

const CSV_MAX_BYTES = 2 * 1024 * 1024;

@ApiTags('admin users')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/admin/users')
@Roles(Role.Admin)
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(404, 409, 422)
  async create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return toUserView(await this.users.create(dto, actor));
  }

  @Get()
  @ApiOkResponse({ type: PageOf(UserView) })
  async list(@Query() query: ListUsersQueryDto, @CurrentUser() actor: AuthUser) {
    const page = await this.users.list(query, actor);
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  async get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return toUserView(await this.users.getScoped(id, actor));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404, 409, 422)
  async update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return toUserView(await this.users.update(id, dto, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404, 409)
  async remove(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<void> {
    await this.users.remove(id, actor);
  }
}

/** HR managing the employees (learners) of their own organization. */
@ApiTags('employees')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/employees')
@Roles(Role.Hr)
export class EmployeesController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: UserView })
  @ApiErrors(409, 422)
  async create(@Body() dto: CreateEmployeeDto, @CurrentUser() hr: AuthUser): Promise<UserView> {
    return toUserView(await this.users.createEmployee(dto, hr));
  }

  @Get()
  @ApiOkResponse({ type: PageOf(UserView) })
  async list(@Query() query: ListUsersQueryDto, @CurrentUser() hr: AuthUser) {
    const page = await this.users.list(query, hr);
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  async get(@Param('id', UuidParam) id: string, @CurrentUser() hr: AuthUser): Promise<UserView> {
    return toUserView(await this.users.getScoped(id, hr));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: UserView })
  @ApiErrors(404)
  async deactivate(
    @Param('id', UuidParam) id: string,
    @CurrentUser() hr: AuthUser,
  ): Promise<UserView> {
    return toUserView(await this.users.deactivate(id, hr));
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOkResponse({
    type: UserView,
    description: 'Active again; reactivating an active one is a no-op',
  })
  @ApiErrors(404)
  async reactivate(
    @Param('id', UuidParam) id: string,
    @CurrentUser() hr: AuthUser,
  ): Promise<UserView> {
    return toUserView(await this.users.reactivate(id, hr));
  }

  @Post('import')
  @HeavyRoute()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'CSV (field "file", at most 2 MB, UTF-8, comma or semicolon separated) with the header ' +
      'name,email,employee_id[,nik]. All or nothing: one bad row rejects the file with 422 ' +
      'CSV_INVALID and per-line errors in details; a known employee_id updates that employee. ' +
      'With ?dryRun=true nothing is written and the answer is the preview (ImportPreviewView): ' +
      'every line with what importing would do, and every error with its line, even when bad.',
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiExtraModels(ImportResultView, ImportPreviewView)
  @ApiOkResponse({
    description: 'ImportResultView; with ?dryRun=true, ImportPreviewView',
    schema: {
      anyOf: [
        { $ref: getSchemaPath(ImportResultView) },
        { $ref: getSchemaPath(ImportPreviewView) },
      ],
    },
  })
  @ApiErrors(413, 415, 422)
  async import(
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
    @CurrentUser() hr: AuthUser,
  ): Promise<ImportResultView | ImportPreviewView> {
    const file = await readSingleUpload(request, CSV_MAX_BYTES);
    if (query.dryRun === 'true') return this.users.previewEmployeeImport(uploadAsText(file), hr);
    return this.users.importEmployees(uploadAsText(file), hr);
  }
}
