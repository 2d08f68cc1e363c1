import { SelectQueryBuilder } from 'typeorm';
import { orgOf } from '../../common/auth/organization';
import { AuthUser, Role } from '../../common/auth/roles';
import { CertificateFilterDto } from './dto/certificate.dto';
import { Certificate } from './entities/certificate.entity';

/**
 * Who sees which certificates: learners their own, HR their organization's, admins all.
 * Instructors reach certificates only to revoke or re-issue them, and only for courses they
 * staff (checked with the courses module's CourseAccess in CertificatesService).
 */
export function scopeTo(qb: SelectQueryBuilder<Certificate>, actor: AuthUser, alias = 'c') {
  if (actor.role === Role.Learner) {
    qb.andWhere(`${alias}.userId = :scopeUser`, { scopeUser: actor.id });
  } else if (actor.role === Role.Hr) {
    qb.andWhere(`${alias}.organizationId = :scopeOrg`, { scopeOrg: orgOf(actor) });
  }
  return qb;
}

/** Listing filters; `valid`/`expired` are derived from `expires_at` at query time. */
export function applyFilters(
  qb: SelectQueryBuilder<Certificate>,
  filter: CertificateFilterDto,
  actor: AuthUser,
  alias = 'c',
) {
  if (filter.courseId) qb.andWhere(`${alias}.courseId = :courseId`, { courseId: filter.courseId });
  if (filter.userId && actor.role !== Role.Learner) {
    qb.andWhere(`${alias}.userId = :userId`, { userId: filter.userId });
  }
  if (filter.organizationId && actor.role === Role.Admin) {
    qb.andWhere(`${alias}.organizationId = :orgId`, { orgId: filter.organizationId });
  }
  switch (filter.status) {
    case undefined:
      break;
    case 'valid':
      qb.andWhere(
        `${alias}.status = 'issued' AND (${alias}.expiresAt IS NULL OR ${alias}.expiresAt >= now())`,
      );
      break;
    case 'expired':
      qb.andWhere(`${alias}.status = 'issued' AND ${alias}.expiresAt < now()`);
      break;
    default:
      qb.andWhere(`${alias}.status = :status`, { status: filter.status });
  }
  if (filter.issuedFrom) qb.andWhere(`${alias}.issuedAt >= :issuedFrom`, filter);
  if (filter.issuedTo) qb.andWhere(`${alias}.issuedAt < :issuedTo`, filter);
  if (filter.expiringFrom) qb.andWhere(`${alias}.expiresAt >= :expiringFrom`, filter);
  if (filter.expiringTo) qb.andWhere(`${alias}.expiresAt < :expiringTo`, filter);
  return qb;
}
