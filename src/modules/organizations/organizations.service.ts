import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { escapeLike } from '../../common/text/like-pattern';
import { AuthUser } from '../../common/auth/roles';
import { isUniqueViolation } from '../../database/pg-errors';
import { AuditService } from '../audit';
import {
  CreateOrganizationDto,
  ListOrganizationsQueryDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { Organization } from './entities/organization.entity';
import { OrganizationEvents } from './organization-events';

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly repo: Repository<Organization>,
    private readonly events: OrganizationEvents,
    private readonly audit: AuditService,
  ) {}

  async create(dto: CreateOrganizationDto): Promise<Organization> {
    try {
      return await this.repo.save(this.repo.create({ code: dto.code, name: dto.name }));
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError('ORGANIZATION_CODE_TAKEN', `Organization code ${dto.code} is taken`);
      }
      throw e;
    }
  }

  async list(query: ListOrganizationsQueryDto): Promise<Page<Organization>> {
    const after = decodeCursor(query.cursor, ['text', 'uuid']);
    const qb = this.repo.createQueryBuilder('o').orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC');
    if (after) qb.andWhere('(o.name, o.id) > (:name, :id)', { name: after[0], id: after[1] });
    const search = query.search?.trim();
    if (search) {
      qb.andWhere('(o.name ILIKE :pattern OR o.code ILIKE :pattern)', {
        pattern: `%${escapeLike(search)}%`,
      });
    }
    const rows = await qb.limit(query.limit + 1).getMany();
    return toPage(rows, query.limit, (o) => [o.name, o.id]);
  }

  async get(id: string): Promise<Organization> {
    const org = await this.repo.findOneBy({ id });
    if (!org) throw notFound('Organization');
    return org;
  }

  /** Whether the organization is active; null when it does not exist. */
  async isActive(id: string): Promise<boolean | null> {
    const [row] = (await this.repo.query(
      'SELECT is_active AS "isActive" FROM organizations WHERE id = $1',
      [id],
    )) as { isActive: boolean }[];
    return row ? row.isActive : null;
  }

  async update(id: string, dto: UpdateOrganizationDto, actor: AuthUser): Promise<Organization> {
    const org = await this.get(id);
    const wasActive = org.isActive;
    Object.assign(org, definedFields(dto));
    let saved: Organization;
    try {
      saved = await this.repo.save(org);
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError('ORGANIZATION_CODE_TAKEN', `Organization code ${dto.code} is taken`);
      }
      throw e;
    }
    if (saved.isActive !== wasActive) {
      await this.audit.record({
        actorId: actor.id,
        action: saved.isActive ? 'organization.reactivated' : 'organization.deactivated',
        entityType: 'organization',
        entityId: id,
        organizationId: id,
        data: { code: saved.code },
      });
      await this.events.accessChanged({ organizationId: id, isActive: saved.isActive });
    }
    return saved;
  }

  /** Organizations with members are deactivated, not deleted, so history stays intact. */
  async remove(id: string): Promise<void> {
    await this.get(id);
    const hasMembers = await this.repo.manager
      .createQueryBuilder()
      .select('1')
      .from('users', 'u')
      .where('u.organization_id = :id', { id })
      .limit(1)
      .getRawOne();
    if (hasMembers) {
      throw new DomainError(
        'CONFLICT',
        'The organization still has users; deactivate it instead (PATCH isActive=false)',
      );
    }
    await this.repo.delete({ id });
  }
}

/** The DTO's properties that were actually sent (class fields exist even when absent). */
function definedFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(dto).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
