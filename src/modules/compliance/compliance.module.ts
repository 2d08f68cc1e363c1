import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';

/** HR's read-only compliance reporting: dashboard summary, the matrix and its CSV/XLSX export. */
@Module({ controllers: [ComplianceController], providers: [ComplianceService] })
export class ComplianceModule {}
