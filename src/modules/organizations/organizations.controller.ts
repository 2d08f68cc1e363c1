import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { PageOf } from '../../common/http/api-responses.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  OrganizationView,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';
import { toOrganizationView } from './organizations.views';

@ApiTags('organizations')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/admin/organizations')
@Roles(Role.Admin)
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @ApiCreatedResponse({ type: OrganizationView })
  @ApiErrors(409)
  async create(@Body() dto: CreateOrganizationDto): Promise<OrganizationView> {
    return toOrganizationView(await this.organizations.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: PageOf(OrganizationView) })
  async list(@Query() query: ListOrganizationsQueryDto) {
    const page = await this.organizations.list(query);
    return { items: page.items.map(toOrganizationView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors(404)
  async get(@Param('id', UuidParam) id: string): Promise<OrganizationView> {
    return toOrganizationView(await this.organizations.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: OrganizationView })
  @ApiErrors(404, 409)
  async update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateOrganizationDto,
    @CurrentUser() actor: AuthUser,
  ): Promise<OrganizationView> {
    return toOrganizationView(await this.organizations.update(id, dto, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(404, 409)
  async remove(@Param('id', UuidParam) id: string): Promise<void> {
    await this.organizations.remove(id);
  }
}
