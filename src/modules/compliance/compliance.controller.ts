import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { abortOnClose } from '../../common/http/abort-on-close';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ApiFileResponse } from '../../common/http/api-responses.decorator';
import { attachmentDisposition } from '../../common/http/content-disposition';
import { HeavyRoute } from '../rate-limit';
import { ComplianceService } from './compliance.service';
import {
  ComplianceScopeDto,
  ComplianceSummaryView,
  MatrixExportQueryDto,
  MatrixPageView,
  MatrixQueryDto,
} from './dto/compliance.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

  @Get('matrix/export')
  @HeavyRoute()
  @Roles(Role.Hr, Role.Admin)
  @ApiFileResponse(
    ['text/csv', XLSX],
    'The filtered matrix, every page, as CSV (UTF-8 with BOM, comma separated, one header row) ' +
      "or XLSX, streamed; headers and states in the requester's language",
  )
  async export(
    @Query() query: MatrixExportQueryDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const stream = await this.compliance.export(query, actor, abortOnClose(request, reply));
    const date = new Date().toISOString().slice(0, 10);
    await reply
      .header('Content-Type', query.format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8')
      .header(
        'Content-Disposition',
        attachmentDisposition(`compliance-matrix-${date}.${query.format}`),
      )
      .header('Cache-Control', 'no-store')
      .send(stream);
  }
}
