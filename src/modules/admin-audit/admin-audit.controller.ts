import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, Roles } from '../../common/auth/roles';
import { ApiErrors } from '../../common/http/api-errors.decorator';
import { PageOf } from '../../common/http/api-responses.decorator';
import { AdminAuditService } from './admin-audit.service';
import { AuditEntryView, ListAuditLogQueryDto } from './dto/audit-log.dto';

@ApiTags('admin audit log')
@ApiBearerAuth()
@ApiErrors(400, 401, 403)
@Controller('api/v1/admin/audit-log')
@Roles(Role.Admin)
export class AdminAuditController {
  constructor(private readonly auditLog: AdminAuditService) {}

  @Get()
  @ApiOkResponse({
    type: PageOf(AuditEntryView),
    description: 'Newest first; 400 AUDIT_LOG_DATE_RANGE_INVALID when from is not before to',
  })
  list(@Query() query: ListAuditLogQueryDto) {
    return this.auditLog.list(query);
  }
}
