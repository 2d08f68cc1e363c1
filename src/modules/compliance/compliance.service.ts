import { Injectable } from '@nestjs/common';
import { orgOf } from '../../common/auth/organization';
import { ReportingReader } from '../../database/reporting-reader';
import { AuthUser, Role } from '../../common/auth/roles';
import { DomainError } from '../../common/errors/domain-error';
import { decodeCursor, toPage } from '../../common/paging/cursor';
import {
  COMPLIANCE_MATRIX_SQL,
  COMPLIANCE_SUMMARY_SQL,
  MatrixRow,
  SummaryRow,
} from './compliance-cells.query';
import type { CellState } from './domain/compliance-cell';
import {
  ComplianceScopeDto,
  ComplianceSummaryView,
  MatrixPageView,
  MatrixQueryDto,
} from './dto/compliance.dto';

@Injectable()
export class ComplianceService {
  constructor(private readonly reads: ReportingReader) {}

  async summary(scope: ComplianceScopeDto, actor: AuthUser): Promise<ComplianceSummaryView> {
    const now = new Date();
    const rows: SummaryRow[] = await this.reads.query(COMPLIANCE_SUMMARY_SQL, [
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

  async matrix(query: MatrixQueryDto, actor: AuthUser): Promise<MatrixPageView> {
    const organizationId = this.organizationFor(query, actor);
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const rows: MatrixRow[] = await this.reads.query(COMPLIANCE_MATRIX_SQL, [
      organizationId,
      new Date().toISOString(),
      query.search || null,
      query.competency ?? null,
      query.state ?? null,
      after?.[0] ?? null,
      after?.[1] ?? null,
      query.limit + 1,
    ]);
    const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        userId: r.id,
        name: r.name,
        email: r.email,
        employeeId: r.employee_id,
        cells: r.cells.map((c) => ({
          competencyCode: c.code,
          state: c.state as CellState,
          validUntil: c.validUntil === null ? null : new Date(c.validUntil).toISOString(),
        })),
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
