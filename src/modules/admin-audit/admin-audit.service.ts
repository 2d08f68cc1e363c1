import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Page } from '../../common/paging/cursor';
import { AuditService } from '../audit';
import { UsersService } from '../users';
import { AuditEntryView, ListAuditLogQueryDto } from './dto/audit-log.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The admin audit-log viewer: the audit trail with its actors' names. */
@Injectable()
export class AdminAuditService {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  async list(query: ListAuditLogQueryDto): Promise<Page<AuditEntryView>> {
    if (query.from && query.to && query.from.getTime() >= query.to.getTime()) {
      throw new DomainError('AUDIT_LOG_DATE_RANGE_INVALID', '"from" must be before "to"', {
        from: query.from.toISOString(),
        to: query.to.toISOString(),
      });
    }
    let actorId: string | undefined;
    if (query.actor) {
      actorId = UUID.test(query.actor)
        ? query.actor
        : (await this.users.findByEmail(query.actor))?.id;
      if (!actorId) return { items: [], nextCursor: null };
    }
    const page = await this.audit.list({
      actorId,
      action: query.action,
      entityType: query.entityType,
      entityId: query.entityId,
      organizationId: query.organizationId,
      from: query.from,
      to: query.to,
      limit: query.limit,
      cursor: query.cursor,
    });
    const actors = new Map(
      (await this.users.findByIds(page.items.flatMap((e) => (e.actorId ? [e.actorId] : [])))).map(
        (u) => [u.id, { id: u.id, name: u.name, email: u.email, role: u.role }],
      ),
    );
    return {
      items: page.items.map((e) => ({
        ...e,
        actor: (e.actorId && actors.get(e.actorId)) || null,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
