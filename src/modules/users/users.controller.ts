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
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { readSingleUpload, uploadAsText } from '../../common/http/upload';
import { UuidParam } from '../../common/http/uuid-param';
import {
  CreateEmployeeDto,
  CreateUserDto,
  ImportResultView,
  ListUsersQueryDto,
  UpdateUserDto,
  UserView,
} from './dto/user.dto';
import { User } from './entities/user.entity';
import { UsersService } from './users.service';
import { HeavyRoute } from '../rate-limit';

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organizationId: u.organizationId,
  employeeId: u.employeeId,
  nik: u.nik,
  locale: u.locale,
  isActive: u.isActive,
  createdAt: u.createdAt,
});

const CSV_MAX_BYTES = 2 * 1024 * 1024;

@ApiTags('admin users')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/admin/users')
@Roles(Role.Admin)
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiErrors(404, 409, 422)
  async create(@Body() dto: CreateUserDto, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return toUserView(await this.users.create(dto, actor));
  }

  @Get()
  async list(@Query() query: ListUsersQueryDto, @CurrentUser() actor: AuthUser) {
    const page = await this.users.list(query, actor);
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiErrors(404)
  async get(@Param('id', UuidParam) id: string, @CurrentUser() actor: AuthUser): Promise<UserView> {
    return toUserView(await this.users.getScoped(id, actor));
  }

  @Patch(':id')
  @ApiErrors(404, 409)
  async update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<UserView> {
    return toUserView(await this.users.update(id, dto, actor));
  }

  @Delete(':id')
  @HttpCode(204)
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
  @ApiErrors(409)
  async create(@Body() dto: CreateEmployeeDto, @CurrentUser() hr: AuthUser): Promise<UserView> {
    return toUserView(await this.users.createEmployee(dto, hr));
  }

  @Get()
  async list(@Query() query: ListUsersQueryDto, @CurrentUser() hr: AuthUser) {
    const page = await this.users.list(query, hr);
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiErrors(404)
  async get(@Param('id', UuidParam) id: string, @CurrentUser() hr: AuthUser): Promise<UserView> {
    return toUserView(await this.users.getScoped(id, hr));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiErrors(404)
  async deactivate(
    @Param('id', UuidParam) id: string,
    @CurrentUser() hr: AuthUser,
  ): Promise<UserView> {
    return toUserView(await this.users.deactivate(id, hr));
  }

  @Post('import')
  @HeavyRoute()
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description:
      'CSV with header name,email,employee_id[,nik]; comma or semicolon separated, UTF-8',
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(413, 415, 422)
  async import(
    @Req() request: FastifyRequest,
    @CurrentUser() hr: AuthUser,
  ): Promise<ImportResultView> {
    const file = await readSingleUpload(request, CSV_MAX_BYTES);
    return this.users.importEmployees(uploadAsText(file), hr);
  }
}
