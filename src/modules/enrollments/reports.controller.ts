import { attachmentDisposition } from '../../common/http/content-disposition';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { AuthUser, Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { ApiFileResponse, PageOf } from '../../common/http/api-responses.decorator';
import { UuidParam } from '../../common/http/uuid-param';
import {
  CourseReportView,
  ExportQueryDto,
  OrganizationReportQueryDto,
  OrganizationReportRowView,
} from './dto/enrollment.dto';
import { CourseStaffOnly } from '../courses';
import { ReportsService } from './reports.service';
import { HeavyRoute } from '../rate-limit';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@ApiTags('reports')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('courses/:id')
  @Roles(Role.Admin, Role.Instructor)
  @CourseStaffOnly()
  @ApiOkResponse({
    type: CourseReportView,
    description: 'Status counts, averages and per-lesson completion',
  })
  course(@Param('id', UuidParam) id: string): Promise<CourseReportView> {
    return this.reports.courseReport(id);
  }

  @Get('organization')
  @Roles(Role.Hr, Role.Admin)
  @ApiOkResponse({
    description: 'One row per employee x course',
    type: PageOf(OrganizationReportRowView),
  })
  @ApiErrors(422)
  organization(@Query() query: OrganizationReportQueryDto, @CurrentUser() actor: AuthUser) {
    const organizationId = this.reports.organizationOf(actor, query.organizationId);
    return this.reports.organizationReport(organizationId, query.limit, query.cursor);
  }

  @Get('organization/export')
  @HeavyRoute()
  @Roles(Role.Hr, Role.Admin)
  @ApiFileResponse(
    ['text/csv', CONTENT_TYPES.xlsx],
    'The whole report as CSV (UTF-8 with BOM, comma separated, one header row) or XLSX, streamed',
  )
  @ApiErrors(422)
  async export(
    @Query() query: ExportQueryDto,
    @CurrentUser() actor: AuthUser,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const organizationId = this.reports.organizationOf(actor, query.organizationId);
    const code = await this.reports.organizationName(organizationId);
    const date = new Date().toISOString().slice(0, 10);
    const filename = `laporan-pelatihan-${code}-${date}.${query.format}`;
    await reply
      .header('Content-Type', CONTENT_TYPES[query.format])
      .header('Content-Disposition', attachmentDisposition(filename))
      .header('Cache-Control', 'no-store')
      .send(this.reports.exportStream(organizationId, query.format));
  }
}
