import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { orgOf } from '../../common/auth/organization';
import { AuthUser, Role } from '../../common/auth/roles';
import { csvError } from '../../common/csv/csv-error';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { constraintOf, isForeignKeyViolation, isUniqueViolation } from '../../database/pg-errors';
import { AuditService } from '../audit';
import { EmployeeLine, parseEmployeeCsv, RowError } from './domain/employee-csv';
import { CreateEmployeeDto, CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-rules';
import { UserAccessChange, UserEvents } from './user-events';

const EMPLOYEE_CONFLICT = 'EMPLOYEE_CONFLICT';
const EMPLOYEE_CONFLICT_MESSAGE =
  'The employee cannot be registered with this e-mail address; choose a different address or contact support';

function employeeConflict(): DomainError {
  return new DomainError(EMPLOYEE_CONFLICT, EMPLOYEE_CONFLICT_MESSAGE);
}

const ORG_ROLES: Role[] = [Role.Hr, Role.Learner];

export type ImportLineAction = 'create' | 'update' | 'invalid';

export interface ImportPreview {
  valid: boolean;
  created: number;
  updated: number;
  invalid: number;
  errors: RowError[];
  lines: (EmployeeLine & { action: ImportLineAction })[];
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly events: UserEvents,
  ) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** The users of these ids that exist (any order). */
  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** What the per-request access check needs (a cache miss there), without an entity. */
  async accessFactsOf(
    id: string,
  ): Promise<{ isActive: boolean; organizationId: string | null; tokenVersion: number } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT is_active AS "isActive", organization_id AS "organizationId",
              token_version AS "tokenVersion"
         FROM users WHERE id = $1`,
      [id],
    )) as { isActive: boolean; organizationId: string | null; tokenVersion: number }[];
    return row ?? null;
  }

  /** Admin: any user, any role. */
  async create(dto: CreateUserDto, actor: AuthUser): Promise<User> {
    this.assertOrganizationFitsRole(dto.role, dto.organizationId ?? null);
    if (dto.password) assertAcceptablePassword(dto.password, dto.email);
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
    const saved = await this.dataSource.transaction(async (tx) => {
      const row = await this.saveTranslatingConflicts(user, tx);
      if (!row.passwordHash) {
        await this.events.createdWithoutPasswordInTransaction(
          { userIds: [row.id], actorId: actor.id },
          tx,
        );
      }
      return row;
    });
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

  /**
   * HR: a learner in the HR user's own organization. An e-mail already registered anywhere gets
   * one generic conflict, whichever organization holds it: HR must not learn that an address
   * belongs to someone in another organization.
   */
  async createEmployee(dto: CreateEmployeeDto, hr: AuthUser): Promise<User> {
    try {
      return await this.create({ ...dto, role: Role.Learner, organizationId: orgOf(hr) }, hr);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'EMAIL_TAKEN') throw employeeConflict();
      throw e;
    }
  }

  async list(query: ListUsersQueryDto, actor: AuthUser): Promise<Page<User>> {
    const qb = this.users
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC');
    if (actor.role === Role.Hr) {
      qb.andWhere('u.organizationId = :org', { org: orgOf(actor) }).andWhere('u.role = :learner', {
        learner: Role.Learner,
      });
    } else {
      if (query.role) qb.andWhere('u.role = :role', { role: query.role });
      if (query.organizationId)
        qb.andWhere('u.organizationId = :oid', { oid: query.organizationId });
    }
    if (query.search) {
      qb.andWhere(
        '(u.name ILIKE :s OR u.email ILIKE :s OR u.nik ILIKE :s OR u.employeeId ILIKE :s)',
        {
          s: `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        },
      );
    }
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
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
      actor.role === Role.Hr ? { id, organizationId: orgOf(actor), role: Role.Learner } : { id };
    const user = await this.users.findOneBy(where);
    if (!user) throw notFound('User');
    return user;
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser): Promise<User> {
    const user = await this.getScoped(id, actor);
    const { password, ...fields } = dto;
    if (password) assertAcceptablePassword(password, fields.email ?? user.email);
    // Only what was sent: the DTO instance has every declared field, absent ones undefined.
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([, value]) => value !== undefined),
    ) as Partial<User>;
    const accessChanges: UserAccessChange[] = [];
    if (changes.isActive === false) accessChanges.push('deactivated');
    if (changes.isActive === true && !user.isActive) accessChanges.push('reactivated');
    if (password) accessChanges.push('password-changed');
    Object.assign(user, changes);
    if (password) user.passwordHash = await this.hasher.hash(password);
    if (accessChanges.includes('deactivated') || password) user.tokenVersion += 1;
    const event = { userId: user.id, changes: accessChanges };
    await this.dataSource.transaction(async (tx) => {
      await this.saveTranslatingConflicts(user, tx);
      if (accessChanges.length) await this.events.accessChangedInTransaction(event, tx);
    });
    if (accessChanges.length) await this.events.accessChangedAfterCommit(event);
    await this.audit.record({
      actorId: actor.id,
      action: 'user.updated',
      entityType: 'user',
      entityId: user.id,
      organizationId: user.organizationId,
      data: {
        fields: Object.keys(changes),
        passwordChanged: !!password,
      },
    });
    return this.users.findOneByOrFail({ id: user.id });
  }

  /** The signed-in user's own settings (any role); audited like other user changes. */
  async updateOwnSettings(
    actor: AuthUser,
    settings: { locale?: 'id' | 'en'; timeZone?: string },
  ): Promise<User> {
    const user = await this.users.findOneBy({ id: actor.id });
    if (!user) throw notFound('User');
    const changes = Object.fromEntries(
      Object.entries(settings).filter(([, value]) => value !== undefined),
    ) as Partial<User>;
    if (Object.keys(changes).length === 0) return user;
    await this.users.update({ id: user.id }, changes);
    await this.audit.record({
      actorId: actor.id,
      action: 'user.updated',
      entityType: 'user',
      entityId: user.id,
      organizationId: user.organizationId,
      data: { fields: Object.keys(changes), passwordChanged: false, self: true },
    });
    return this.users.findOneByOrFail({ id: user.id });
  }

  /**
   * Sets a password from a one-time link. `claim` runs first in the same transaction (it marks
   * the link used, or throws and nothing changes); then the policy applies, the token version
   * moves on and auth ends every existing session ('password-changed') before the commit; the
   * access cache is dropped once it has committed.
   */
  async setPassword(
    userId: string,
    password: string,
    claim: (tx: EntityManager) => Promise<void>,
  ): Promise<User> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) throw notFound('User');
    assertAcceptablePassword(password, user.email);
    const passwordHash = await this.hasher.hash(password);
    const event = { userId, changes: ['password-changed' as const] };
    await this.dataSource.transaction(async (tx) => {
      await claim(tx);
      await tx.query(
        'UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1',
        [userId, passwordHash],
      );
      await this.events.accessChangedInTransaction(event, tx);
    });
    await this.events.accessChangedAfterCommit(event);
    return this.users.findOneByOrFail({ id: userId });
  }

  async deactivate(id: string, actor: AuthUser): Promise<User> {
    return this.update(id, { isActive: false }, actor);
  }

  /**
   * The way back from `deactivate`: signing in works again. The token version stays (sessions
   * ended by the deactivation stay ended); auth drops the cached access state ('reactivated').
   */
  async reactivate(id: string, actor: AuthUser): Promise<User> {
    return this.update(id, { isActive: true }, actor);
  }

  /** Admin only. Users with history are deactivated instead (foreign keys refuse the delete). */
  async remove(id: string, actor: AuthUser): Promise<void> {
    const user = await this.getScoped(id, actor);
    if (user.id === actor.id)
      throw new DomainError('CONFLICT', 'You cannot delete your own account');
    const event = { userId: id, changes: ['deleted' as const] };
    try {
      await this.dataSource.transaction(async (tx) => {
        await this.events.accessChangedInTransaction(event, tx);
        await tx.delete(User, { id });
      });
    } catch (e) {
      if (isForeignKeyViolation(e)) {
        throw new DomainError('CONFLICT', 'The user has training history; deactivate instead');
      }
      throw e;
    }
    await this.events.accessChangedAfterCommit(event);
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
    const organizationId = orgOf(hr);
    return this.dataSource.transaction(async (tx) => {
      const { rows, errors, existingByEmployeeId } = await this.checkImport(
        csv,
        organizationId,
        tx,
      );
      if (errors.length) throw csvError(errors, 'imported');
      const repo = tx.getRepository(User);
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
      const createdIds: string[] = [];
      for (let i = 0; i < inserts.length; i += 500) {
        const result = await repo.insert(inserts.slice(i, i + 500));
        createdIds.push(...result.identifiers.map((identifier) => identifier.id as string));
      }
      await this.events.createdWithoutPasswordInTransaction(
        { userIds: createdIds, actorId: hr.id },
        tx,
      );
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

  /**
   * The import's dry run: the same checks as `importEmployees`, nothing written. Every line of
   * the file comes back as written, with what importing would do to it (create, update) or
   * `invalid`, and every error with its line number.
   */
  async previewEmployeeImport(csv: string, hr: AuthUser): Promise<ImportPreview> {
    const { rows, lines, errors, existingByEmployeeId } = await this.checkImport(
      csv,
      orgOf(hr),
      this.dataSource.manager,
    );
    const badLines = new Set(errors.map((e) => e.line));
    const validLines = new Map(rows.map((r) => [r.line, r]));
    const previewLines = lines.map((l) => {
      const row = validLines.get(l.line);
      const action: ImportLineAction =
        badLines.has(l.line) || !row
          ? 'invalid'
          : existingByEmployeeId.has(row.employeeId)
            ? 'update'
            : 'create';
      return { ...l, action };
    });
    const count = (action: ImportLineAction) =>
      previewLines.filter((l) => l.action === action).length;
    return {
      valid: errors.length === 0,
      created: count('create'),
      updated: count('update'),
      invalid: count('invalid'),
      errors: errors.slice(0, 1000),
      lines: previewLines,
    };
  }

  /** Parses the file and checks each valid row against the organization's users. */
  private async checkImport(csv: string, organizationId: string, manager: EntityManager) {
    const { rows, errors, lines } = parseEmployeeCsv(csv);
    const repo = manager.getRepository(User);
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
          code: EMPLOYEE_CONFLICT,
          message: EMPLOYEE_CONFLICT_MESSAGE,
        });
      }
    }
    const allErrors = [...errors, ...dbErrors].sort((a, b) => a.line - b.line);
    return { rows, lines, errors: allErrors, existingByEmployeeId };
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

  private async saveTranslatingConflicts(user: User, tx?: EntityManager): Promise<User> {
    try {
      return await (tx ? tx.getRepository(User) : this.users).save(user);
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
