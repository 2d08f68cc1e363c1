import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ComplianceService } from './compliance.service';
import {
  ComplianceScopeDto,
  ComplianceSummaryView,
  MatrixPageView,
  MatrixQueryDto,
} from './dto/compliance.dto';

@ApiTags('compliance')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get('summary')
  @Roles(Role.Hr, Role.Admin)
  @ApiOkResponse({ type: ComplianceSummaryView })
  summary(@Query() scope: ComplianceScopeDto, @CurrentUser() actor: AuthUser) {
    return this.compliance.summary(scope, actor);
  }

  @Get('matrix')
  @Roles(Role.Hr, Role.Admin)
  @ApiOkResponse({ type: MatrixPageView })
  matrix(@Query() query: MatrixQueryDto, @CurrentUser() actor: AuthUser) {
    return this.compliance.matrix(query, actor);
  }
}
