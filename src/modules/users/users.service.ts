import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { AuthUser, Role } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { constraintOf, isForeignKeyViolation, isUniqueViolation } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { parseEmployeeCsv, RowError } from './domain/employee-csv';
import { CreateEmployeeDto, CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';

const ORG_ROLES: Role[] = [Role.Hr, Role.Learner];

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Admin: any user, any role. */
  async create(dto: CreateUserDto, actor: AuthUser): Promise<User> {
    this.assertOrganizationFitsRole(dto.role, dto.organizationId ?? null);
    const user = this.users.create({
      email: dto.email,
      name: dto.name,
      role: dto.role,
      organizationId: dto.organizationId ?? null,
      employeeId: dto.employeeId ?? null,
      nik: dto.nik ?? null,
      locale: dto.locale ?? 'id',
      passwordHash: dto.password ? await this.hasher.hash(dto.password) : null,
    });
    const saved = await this.saveTranslatingConflicts(user);
    await this.audit.record({
      actorId: actor.id,
      action: 'user.created',
      entityType: 'user',
      entityId: saved.id,
      organizationId: saved.organizationId,
      data: { role: saved.role },
    });
    return saved;
  }

  /** HR: a learner in the HR user's own organization. */
  async createEmployee(dto: CreateEmployeeDto, hr: AuthUser): Promise<User> {
    return this.create({ ...dto, role: Role.Learner, organizationId: this.orgOf(hr) }, hr);
  }

  async list(query: ListUsersQueryDto, actor: AuthUser): Promise<Page<User>> {
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC');
    if (actor.role === Role.Hr) {
      qb.andWhere('u.organizationId = :org', { org: this.orgOf(actor) }).andWhere(
        'u.role = :learner',
        {
          learner: Role.Learner,
        },
      );
    } else {
      if (query.role) qb.andWhere('u.role = :role', { role: query.role });
      if (query.organizationId)
        qb.andWhere('u.organizationId = :oid', { oid: query.organizationId });
    }
    if (query.search) {
      qb.andWhere('(u.name ILIKE :s OR u.email ILIKE :s)', {
        s: `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    const after = decodeCursor(query.cursor, 2);
    if (after) {
      qb.andWhere('(u.createdAt, u.id) < (:at, :id)', { at: after[0], id: after[1] });
    }
    // The cursor keeps Postgres' microseconds (a JS Date would round them and skip rows).
    qb.addSelect('u.created_at::text', 'cursor_at').limit(query.limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_at: string }>();
    const page = toPage(
      entities.map((user, i) => ({ user, at: raw[i].cursor_at })),
      query.limit,
      (row) => [row.at, row.user.id],
    );
    return { items: page.items.map((row) => row.user), nextCursor: page.nextCursor };
  }

  /** A user the actor may see: admins see all; HR only learners of their organization. */
  async getScoped(id: string, actor: AuthUser): Promise<User> {
    const where =
      actor.role === Role.Hr
        ? { id, organizationId: this.orgOf(actor), role: Role.Learner }
        : { id };
    const user = await this.users.findOneBy(where);
    if (!user) throw notFound('User');
    return user;
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser): Promise<User> {
    const user = await this.getScoped(id, actor);
    const { password, ...fields } = dto;
    // Fields the request left out stay as they are (and stay in the answer).
    for (const [key, value] of Object.entries(fields)) {
      if (value !== undefined) Object.assign(user, { [key]: value });
    }
    if (password) user.passwordHash = await this.hasher.hash(password);
    const saved = await this.saveTranslatingConflicts(user);
    if (password || dto.isActive === false) await this.revokeSessions(user.id);
    await this.audit.record({
      actorId: actor.id,
      action: 'user.updated',
      entityType: 'user',
      entityId: user.id,
      organizationId: user.organizationId,
      data: {
        fields: Object.keys(dto).filter((k) => k !== 'password'),
        passwordChanged: !!password,
      },
    });
    return saved;
  }

  async deactivate(id: string, actor: AuthUser): Promise<User> {
    return this.update(id, { isActive: false }, actor);
  }

  /** Admin only. Users with history are deactivated instead (foreign keys refuse the delete). */
  async remove(id: string, actor: AuthUser): Promise<void> {
    const user = await this.getScoped(id, actor);
    if (user.id === actor.id)
      throw new DomainError('CONFLICT', 'You cannot delete your own account');
    try {
      await this.dataSource.transaction(async (tx) => {
        await tx.delete('refresh_tokens', { userId: id });
        await tx.delete(User, { id });
      });
    } catch (e) {
      if (isForeignKeyViolation(e)) {
        throw new DomainError('CONFLICT', 'The user has training history; deactivate instead');
      }
      throw e;
    }
    await this.audit.record({
      actorId: actor.id,
      action: 'user.deleted',
      entityType: 'user',
      entityId: id,
    });
  }

  /**
   * HR bulk import. Rows are matched on employee_id within the organization: new ones are
   * created, existing ones updated. Any invalid row, in the file or against the database,
   * means nothing is written and every error is reported with its line number.
   */
  async importEmployees(csv: string, hr: AuthUser): Promise<{ created: number; updated: number }> {
    const organizationId = this.orgOf(hr);
    const { rows, errors } = parseEmployeeCsv(csv);
    if (errors.length) throw this.csvError(errors);

    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(User);
      const existingByEmployeeId = new Map<string, User>();
      const existingByEmail = new Map<string, User>();
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        for (const u of await repo.findBy({
          organizationId,
          employeeId: In(chunk.map((r) => r.employeeId)),
        })) {
          existingByEmployeeId.set(u.employeeId!, u);
        }
        for (const u of await repo.findBy({ email: In(chunk.map((r) => r.email)) })) {
          existingByEmail.set(u.email, u);
        }
      }
      const dbErrors: RowError[] = [];
      for (const row of rows) {
        const sameId = existingByEmployeeId.get(row.employeeId);
        const sameEmail = existingByEmail.get(row.email);
        if (sameId && sameId.role !== Role.Learner) {
          dbErrors.push({
            line: row.line,
            field: 'employee_id',
            code: 'NOT_A_LEARNER',
            message: 'employee_id belongs to a non-learner account',
          });
        }
        if (sameEmail && sameEmail.id !== sameId?.id) {
          dbErrors.push({
            line: row.line,
            field: 'email',
            code: 'EMAIL_TAKEN',
            message: `${row.email} is already used by another account`,
          });
        }
      }
      if (dbErrors.length) throw this.csvError(dbErrors);

      let created = 0;
      let updated = 0;
      const inserts: Partial<User>[] = [];
      for (const row of rows) {
        const existing = existingByEmployeeId.get(row.employeeId);
        if (existing) {
          await repo.update(
            { id: existing.id },
            { name: row.name, email: row.email, nik: row.nik },
          );
          updated += 1;
        } else {
          inserts.push({
            organizationId,
            role: Role.Learner,
            name: row.name,
            email: row.email,
            employeeId: row.employeeId,
            nik: row.nik,
            passwordHash: null,
          });
          created += 1;
        }
      }
      for (let i = 0; i < inserts.length; i += 500) {
        await repo.insert(inserts.slice(i, i + 500));
      }
      await this.audit.record(
        {
          actorId: hr.id,
          action: 'employees.imported',
          entityType: 'organization',
          entityId: organizationId,
          organizationId,
          data: { created, updated },
        },
        tx,
      );
      return { created, updated };
    });
  }

  async revokeSessions(userId: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }

  private csvError(errors: RowError[]): DomainError {
    return new DomainError('CSV_INVALID', `${errors.length} row error(s); nothing was imported`, {
      errors: errors.slice(0, 1000),
    });
  }

  private orgOf(actor: AuthUser): string {
    if (!actor.organizationId)
      throw new DomainError('FORBIDDEN', 'Your account has no organization');
    return actor.organizationId;
  }

  private assertOrganizationFitsRole(role: Role, organizationId: string | null): void {
    if (ORG_ROLES.includes(role) && !organizationId) {
      throw new DomainError(
        'ORGANIZATION_REQUIRED',
        `A ${role} user must belong to an organization`,
      );
    }
    if (!ORG_ROLES.includes(role) && organizationId) {
      throw new DomainError(
        'ORGANIZATION_NOT_ALLOWED',
        `A ${role} user cannot belong to an organization`,
      );
    }
  }

  private async saveTranslatingConflicts(user: User): Promise<User> {
    try {
      return await this.users.save(user);
    } catch (e) {
      if (isUniqueViolation(e)) {
        const constraint = constraintOf(e);
        if (constraint === 'uq_users_email') {
          throw new DomainError('EMAIL_TAKEN', `${user.email} is already registered`);
        }
        throw new DomainError(
          'EMPLOYEE_ID_TAKEN',
          `employee_id ${user.employeeId} already exists in this organization`,
        );
      }
      if (isForeignKeyViolation(e)) throw notFound('Organization');
      throw e;
    }
  }
}
