import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { orgOf } from '../../common/auth/organization';
import { AuthUser, Role } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { COMPLIANCE_SUMMARY_SQL, SummaryRow } from './compliance-cells.query';
import { ComplianceScopeDto, ComplianceSummaryView } from './dto/compliance.dto';

@Injectable()
export class ComplianceService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(scope: ComplianceScopeDto, actor: AuthUser): Promise<ComplianceSummaryView> {
    const now = new Date();
    const rows: SummaryRow[] = await this.dataSource.query(COMPLIANCE_SUMMARY_SQL, [
      this.organizationFor(scope, actor),
      now.toISOString(),
    ]);
    return {
      asOf: now.toISOString(),
      competencies: rows.map((r) => ({
        competencyCode: r.code,
        nameId: r.title_id,
        nameEn: r.title_en,
        valid: r.valid,
        expiring30: r.expiring_30,
        expiring60: r.expiring_60,
        expiring90: r.expiring_90,
        expired: r.expired,
        inTraining: r.in_progress,
        overdue: r.overdue,
      })),
    };
  }

  /** HR: their own organization, whatever they pass; admins must name one. */
  private organizationFor(scope: ComplianceScopeDto, actor: AuthUser): string {
    if (actor.role !== Role.Admin) return orgOf(actor);
    if (!scope.organizationId) {
      throw new DomainError('COMPLIANCE_ORGANIZATION_REQUIRED', 'Pass organizationId');
    }
    return scope.organizationId;
  }
}
