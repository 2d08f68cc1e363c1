import { Module } from '@nestjs/common';
import { UsersModule } from '../users';
import { AdminAuditController } from './admin-audit.controller';
import { AdminAuditService } from './admin-audit.service';

/** API only: the admin's view of the audit trail (the audit module itself stays worker-safe). */
@Module({
  imports: [UsersModule],
  controllers: [AdminAuditController],
  providers: [AdminAuditService],
})
export class AdminAuditModule {}
