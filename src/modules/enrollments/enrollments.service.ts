import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { orgOf } from '../../common/auth/organization';
import { AuthUser, Role } from '../../common/auth/roles';
import { csvError } from '../../common/csv/csv-error';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import { CourseAccess, CourseCatalog } from '../courses';
import { parseAssignmentCsv } from './domain/assignment-csv';
import {
  completeRefusal,
  courseProgress,
  displayStatus,
  EnrollmentChannel,
  enrollmentModeRefusal,
  jpCredited,
  lessonLockedBy,
  secondsStillRequired,
  withdrawalRefusal,
} from './domain/progress-rules';
import { dueDateExtensionRefusal } from './domain/due-date-extension';
import {
  AssignmentPreviewView,
  AssignmentResultView,
  DueDateExtensionView,
  EmployeeTrainingView,
  EnrollmentListQueryDto,
  EnrollmentView,
  RosterItemView,
} from './dto/enrollment.dto';
import { EnrollmentEvents } from './enrollment-events';
import {
  ACTIVE_CONFLICT,
  activeLearnerIds,
  activeLearnersByEmployeeId,
  assignmentStandings,
  EnrollmentRow,
  enrollmentRows,
  insertSelfEnrollment,
  isLearnerOf,
  rosterRows,
  statusFilter,
  upsertRenewalEnrollment,
} from './enrollment-queries';
import { Enrollment } from './entities/enrollment.entity';
import { loadProgressMap } from './progress-map';

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CourseCatalog,
    private readonly events: EnrollmentEvents,
    private readonly audit: AuditService,
    private readonly access: CourseAccess,
  ) {}

  /** Learner self-enrolment in an open course; calling it again returns the same enrollment. */
  async enrollSelf(courseId: string, actor: AuthUser): Promise<{ id: string; created: boolean }> {
    const version = await this.courses.publishedVersion(courseId);
    this.assertEnrollmentMode(version.enrollmentMode, 'self');
    const inserted = await insertSelfEnrollment(this.dataSource, {
      userId: actor.id,
      courseId,
      versionId: version.id,
    });
    if (inserted.length) return { id: inserted[0].id, created: true };
    return { id: await this.activeEnrollmentId(actor.id, courseId), created: false };
  }

  /**
   * HR assigns learners of their own organization. Re-assigning an active enrollment keeps it
   * and only updates the due date. All ids must be in scope, or nothing is written (404).
   */
  async assign(
    courseId: string,
    input: { userIds: string[]; dueAt?: Date | null; dueAtByUser?: Map<string, Date | null> },
    hr: AuthUser,
  ): Promise<AssignmentResultView> {
    const organizationId = orgOf(hr);
    const version = await this.courses.publishedVersion(courseId);
    const userIds = await this.inScope(input.userIds, hr);
    const dueAts = userIds.map((id) =>
      input.dueAtByUser?.has(id) ? input.dueAtByUser.get(id) : (input.dueAt ?? null),
    );
    const { items, changedIds } = await this.dataSource.transaction(async (tx) => {
      const changed: { id: string; user_id: string; inserted: boolean }[] = await tx.query(
        `INSERT INTO enrollments
           (user_id, organization_id, course_id, course_version_id, due_at, assigned_by_id)
         SELECT x.user_id, $3, $4, $5, x.due_at, $6
           FROM unnest($1::uuid[], $2::timestamptz[]) AS x(user_id, due_at)
         ${ACTIVE_CONFLICT}
         DO UPDATE SET due_at = EXCLUDED.due_at, assigned_by_id = EXCLUDED.assigned_by_id,
                       updated_at = now()
           WHERE enrollments.due_at IS DISTINCT FROM EXCLUDED.due_at
         RETURNING id, user_id, (xmax = 0) AS inserted`,
        [userIds, dueAts, organizationId, courseId, version.id, hr.id],
      );
      const active: { id: string; user_id: string }[] = await tx.query(
        `SELECT id, user_id FROM enrollments WHERE course_id = $1 AND user_id = ANY($2::uuid[])
           AND status IN ('not_started', 'in_progress')`,
        [courseId, userIds],
      );
      const byUser = new Map(changed.map((c) => [c.user_id, c]));
      const rows = active.map((a) => ({
        userId: a.user_id,
        enrollmentId: a.id,
        result: !byUser.has(a.user_id)
          ? 'unchanged'
          : byUser.get(a.user_id)!.inserted
            ? 'created'
            : 'updated',
      }));
      const ids = changed.map((c) => c.id);
      if (ids.length) {
        await this.events.assignedInTransaction(
          { enrollmentIds: ids, assignedById: hr.id, organizationId },
          tx,
        );
      }
      await this.audit.record(
        {
          actorId: hr.id,
          action: 'enrollments.assigned',
          entityType: 'course',
          entityId: courseId,
          organizationId,
          data: { users: userIds.length, changed: ids.length },
        },
        tx,
      );
      return { items: rows, changedIds: ids };
    });
    if (changedIds.length) {
      await this.events.assignedAfterCommit({
        enrollmentIds: changedIds,
        assignedById: hr.id,
        organizationId,
      });
    }
    const count = (r: string) => items.filter((i) => i.result === r).length;
    return {
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      items,
    };
  }

  /**
   * The dry run of `assign`: for each learner, whether assigning would create an enrollment,
   * touch an active one, or start again after a completion. Same scope check; nothing written.
   */
  async previewAssignment(
    courseId: string,
    userIds: string[],
    hr: AuthUser,
  ): Promise<AssignmentPreviewView> {
    await this.courses.publishedVersion(courseId);
    const ids = await this.inScope(userIds, hr);
    const standings = await assignmentStandings(this.dataSource, courseId, ids);
    const items = standings.map((r) => ({
      userId: r.user_id,
      name: r.name,
      employeeId: r.employee_id,
      standing: r.active_enrollment_id
        ? ('enrolled' as const)
        : r.last_completed_at
          ? ('completed' as const)
          : ('new' as const),
      dueAt: r.active_due_at,
      lastCompletedAt: r.last_completed_at,
    }));
    const count = (standing: string) => items.filter((i) => i.standing === standing).length;
    return {
      new: count('new'),
      enrolled: count('enrolled'),
      completed: count('completed'),
      items,
    };
  }

  /**
   * Moves the due date of the selected learners' active enrollments on the course to `dueAt`
   * (see `dueDateExtensionRefusal`); learners without one are reported, not enrolled. All or
   * nothing: one refused enrollment refuses the whole request.
   */
  async extendDueDates(
    courseId: string,
    input: { userIds: string[]; dueAt: Date },
    hr: AuthUser,
  ): Promise<DueDateExtensionView> {
    const organizationId = orgOf(hr);
    await this.courses.assertCourseExists(courseId);
    const ids = await this.inScope(input.userIds, hr);
    return this.dataSource.transaction(async (tx) => {
      const active: { id: string; user_id: string; due_at: Date | null }[] = await tx.query(
        `SELECT id, user_id, due_at FROM enrollments
          WHERE course_id = $1 AND user_id = ANY($2::uuid[]) AND organization_id = $3
            AND status IN ('not_started', 'in_progress')
          FOR UPDATE`,
        [courseId, ids, organizationId],
      );
      const now = new Date();
      const refused = active
        .map((a) => ({
          userId: a.user_id,
          refusal: dueDateExtensionRefusal(a.due_at, input.dueAt, now),
        }))
        .filter((r) => r.refusal !== null);
      if (
        refused.length ||
        (active.length === 0 && dueDateExtensionRefusal(null, input.dueAt, now))
      ) {
        const code = refused[0]?.refusal ?? 'DUE_DATE_IN_PAST';
        throw new DomainError(
          code,
          code === 'DUE_DATE_IN_PAST'
            ? 'The new due date must be in the future'
            : 'The new due date is earlier than the current due date of some assignments',
          { userIds: refused.map((r) => r.userId) },
        );
      }
      if (active.length) {
        await tx.query(
          `UPDATE enrollments SET due_at = $2, updated_at = now() WHERE id = ANY($1::uuid[])`,
          [active.map((a) => a.id), input.dueAt],
        );
      }
      await this.audit.record(
        {
          actorId: hr.id,
          action: 'enrollments.due_dates_extended',
          entityType: 'course',
          entityId: courseId,
          organizationId,
          data: { users: ids.length, extended: active.length, dueAt: input.dueAt.toISOString() },
        },
        tx,
      );
      const withActive = new Set(active.map((a) => a.user_id));
      return {
        extended: active.length,
        notEnrolledUserIds: ids.filter((id) => !withActive.has(id)),
      };
    });
  }

  /** One employee's enrollments for HR (newest first), with their time spent over all of them. */
  async employeeTraining(
    userId: string,
    query: EnrollmentListQueryDto,
    hr: AuthUser,
  ): Promise<EmployeeTrainingView> {
    const organizationId = orgOf(hr);
    if (!(await isLearnerOf(this.dataSource, organizationId, userId))) throw notFound('Employee');
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [userId, organizationId, query.limit + 1];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = `AND (e.created_at, e.id) < ($4, $5)`;
    }
    const rows = await this.rows(
      `WHERE e.user_id = $1 AND e.organization_id = $2 ${statusFilter(query.status)} ${keyset}
       ORDER BY e.created_at DESC, e.id DESC LIMIT $3`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
    const [totals]: { seconds: string; completed: string }[] = await this.dataSource.query(
      `SELECT COALESCE(sum(time_spent_seconds), 0) AS seconds,
              count(*) FILTER (WHERE status = 'completed') AS completed
         FROM enrollments WHERE user_id = $1 AND organization_id = $2`,
      [userId, organizationId],
    );
    return {
      items: await this.viewsOf(page.items),
      nextCursor: page.nextCursor,
      totalTimeSpentSeconds: Number(totals.seconds),
      completedCount: Number(totals.completed),
    };
  }

  /** CSV of employee_id[,due_at]; unknown employee ids are row errors (422), nothing written. */
  async importAssignments(
    courseId: string,
    csv: string,
    defaultDueAt: Date | null,
    hr: AuthUser,
  ): Promise<AssignmentResultView> {
    const { rows, idOf } = await this.checkAssignmentCsv(csv, defaultDueAt, hr);
    return this.assign(
      courseId,
      {
        userIds: rows.map((r) => idOf.get(r.employeeId)!),
        dueAtByUser: new Map(rows.map((r) => [idOf.get(r.employeeId)!, r.dueAt])),
      },
      hr,
    );
  }

  /** The dry run of `importAssignments`: the same checks and errors, then `previewAssignment`. */
  async previewAssignmentImport(
    courseId: string,
    csv: string,
    hr: AuthUser,
  ): Promise<AssignmentPreviewView> {
    const { rows, idOf } = await this.checkAssignmentCsv(csv, null, hr);
    return this.previewAssignment(
      courseId,
      rows.map((r) => idOf.get(r.employeeId)!),
      hr,
    );
  }

  /** Parses the CSV and maps employee ids to active learners; any bad row is a 422. */
  private async checkAssignmentCsv(csv: string, defaultDueAt: Date | null, hr: AuthUser) {
    const organizationId = orgOf(hr);
    const { rows, errors } = parseAssignmentCsv(csv, defaultDueAt);
    if (errors.length) throw csvError(errors, 'assigned');
    const users = await activeLearnersByEmployeeId(
      this.dataSource,
      organizationId,
      rows.map((r) => r.employeeId),
    );
    const idOf = new Map(users.map((u) => [u.employee_id, u.id]));
    const missing = rows.filter((r) => !idOf.has(r.employeeId));
    if (missing.length) {
      throw csvError(
        missing.map((r) => ({
          line: r.line,
          field: 'employee_id',
          code: 'UNKNOWN_EMPLOYEE',
          message: `No active learner with employee_id ${r.employeeId} in your organization`,
        })),
        'assigned',
      );
    }
    return { rows, idOf };
  }

  /** For certificate renewal: a new enrollment on the course's current published version. */
  async createRenewalEnrollment(input: {
    userId: string;
    courseId: string;
    renewalOfCertificateId: string;
    dueAt?: Date | null;
    actor: AuthUser;
  }): Promise<{ id: string }> {
    const version = await this.courses.publishedVersion(input.courseId);
    // HR (or an admin) renewing is an assignment; a learner renewing their own is self-enrolment.
    this.assertEnrollmentMode(
      version.enrollmentMode,
      input.actor.role === Role.Learner ? 'self' : 'hr',
    );
    const row = await upsertRenewalEnrollment(this.dataSource, {
      userId: input.userId,
      courseId: input.courseId,
      versionId: version.id,
      dueAt: input.dueAt ?? null,
      assignedById: input.actor.id,
      renewalOfCertificateId: input.renewalOfCertificateId,
    });
    if (!row) throw notFound('User');
    return { id: row.id };
  }

  /** An enrollment the actor may see: learners their own, HR their organization's. */
  async getScoped(id: string, actor: AuthUser, manager?: EntityManager): Promise<Enrollment> {
    const where: Record<string, string> = { id };
    if (actor.role === Role.Learner) where.userId = actor.id;
    if (actor.role === Role.Hr) where.organizationId = orgOf(actor);
    const enrollment = await (manager ?? this.dataSource.manager).findOneBy(Enrollment, where);
    if (!enrollment) throw notFound('Enrollment');
    if (
      actor.role === Role.Instructor &&
      !(await this.access.isStaff(actor, enrollment.courseId))
    ) {
      throw notFound('Enrollment');
    }
    return enrollment;
  }

  async detail(id: string, actor: AuthUser): Promise<EnrollmentView> {
    const enrollment = await this.getScoped(id, actor);
    const [row] = await this.rows(`WHERE e.id = $1`, [enrollment.id]);
    const outline = await this.courses.outline(row.course_version_id);
    const progress = await loadProgressMap(this.dataSource.manager, row.id);
    const state = courseProgress(outline.lessons, progress);
    return {
      ...this.toView(row, state.nextLessonId),
      lessons: outline.lessons.map((l) => {
        const lockedBy = lessonLockedBy(outline.lessons, progress, outline.sequential, l.id);
        const state = progress.get(l.id);
        const refusal = lockedBy ? 'LESSON_LOCKED' : (completeRefusal(l, state)?.code ?? null);
        const open = row.status === 'not_started' || row.status === 'in_progress';
        return {
          id: l.id,
          moduleId: l.moduleId,
          titleId: l.titleId,
          titleEn: l.titleEn,
          type: l.type,
          required: l.required,
          minSeconds: l.minSeconds,
          status: state?.status ?? 'not_started',
          timeSpentSeconds: state?.timeSpentSeconds ?? 0,
          locked: lockedBy !== null,
          lockedByLessonId: lockedBy,
          secondsStillRequired: secondsStillRequired(l, state),
          canComplete: open && state?.status !== 'completed' && refusal === null,
          completeRefusal: state?.status === 'completed' ? null : refusal,
        };
      }),
    };
  }

  async myCourses(actor: AuthUser, query: EnrollmentListQueryDto): Promise<Page<EnrollmentView>> {
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    const params: unknown[] = [actor.id, query.limit + 1];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = `AND (e.created_at, e.id) < ($3, $4)`;
    }
    const rows = await this.rows(
      `WHERE e.user_id = $1 ${statusFilter(query.status)} ${keyset}
       ORDER BY e.created_at DESC, e.id DESC LIMIT $2`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: await this.viewsOf(page.items), nextCursor: page.nextCursor };
  }

  private async viewsOf(rows: EnrollmentRow[]): Promise<EnrollmentView[]> {
    const items: EnrollmentView[] = [];
    for (const row of rows) {
      const outline = await this.courses.outline(row.course_version_id);
      const progress = await loadProgressMap(this.dataSource.manager, row.id);
      items.push(this.toView(row, courseProgress(outline.lessons, progress).nextLessonId));
    }
    return items;
  }

  /** The distinct ids, all active learners of HR's organization, or a 404 naming the others. */
  private async inScope(userIds: string[], hr: AuthUser): Promise<string[]> {
    const ids = [...new Set(userIds)];
    const known = await activeLearnerIds(this.dataSource, orgOf(hr), ids);
    if (known.size !== ids.length) {
      throw notFound('Employee', { missingUserIds: ids.filter((id) => !known.has(id)) });
    }
    return ids;
  }

  async roster(courseId: string, query: EnrollmentListQueryDto): Promise<Page<RosterItemView>> {
    await this.courses.assertCourseExists(courseId);
    const rows = await rosterRows(this.dataSource, courseId, {
      status: query.status,
      after: decodeCursor(query.cursor, ['timestamp', 'uuid']),
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
    const now = new Date();
    return {
      items: page.items.map((r) => ({
        enrollmentId: r.id,
        userId: r.user_id,
        name: r.name,
        email: r.email,
        organizationId: r.organization_id,
        versionNo: r.version_no,
        status: displayStatus(r.status, r.due_at, now),
        percent: r.percent,
        timeSpentSeconds: r.time_spent_seconds,
        dueAt: r.due_at,
        completedAt: r.completed_at,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async withdraw(id: string, actor: AuthUser): Promise<EnrollmentView> {
    const enrollment = await this.getScoped(id, actor);
    if (withdrawalRefusal(actor.role, enrollment)) {
      throw new DomainError(
        'WITHDRAWAL_NOT_ALLOWED',
        'This training was assigned by HR: only HR or an admin can withdraw it',
      );
    }
    const result = await this.dataSource.query(
      `UPDATE enrollments SET status = 'withdrawn', updated_at = now()
        WHERE id = $1 AND status IN ('not_started', 'in_progress') RETURNING id`,
      [enrollment.id],
    );
    if (!returnedRows(result).length && enrollment.status !== 'withdrawn') {
      throw new DomainError('ENROLLMENT_COMPLETED', 'A completed enrollment cannot be withdrawn');
    }
    await this.audit.record({
      actorId: actor.id,
      action: 'enrollment.withdrawn',
      entityType: 'enrollment',
      entityId: enrollment.id,
      organizationId: enrollment.organizationId,
    });
    return this.detail(id, actor);
  }

  private rows(where: string, params: unknown[]): Promise<EnrollmentRow[]> {
    return enrollmentRows(this.dataSource, where, params);
  }

  private toView(row: EnrollmentRow, nextLessonId: string | null): EnrollmentView {
    return {
      id: row.id,
      userId: row.user_id,
      organizationId: row.organization_id,
      courseId: row.course_id,
      courseVersionId: row.course_version_id,
      versionNo: row.version_no,
      titleId: row.title_id,
      titleEn: row.title_en,
      jpHours: row.jp_hours,
      status: displayStatus(row.status, row.due_at, new Date()),
      dueAt: row.due_at,
      startedAt: row.started_at,
      completedAt: row.completed_at,
      timeSpentSeconds: row.time_spent_seconds,
      percent: row.percent,
      jpCredited: jpCredited(row.status, row.jp_hours),
      nextLessonId: row.status === 'completed' ? null : nextLessonId,
    };
  }

  private async activeEnrollmentId(userId: string, courseId: string): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT id FROM enrollments WHERE user_id = $1 AND course_id = $2
         AND status IN ('not_started', 'in_progress')`,
      [userId, courseId],
    );
    if (!row) throw new DomainError('CONFLICT', 'The enrollment changed concurrently; retry');
    return row.id;
  }

  private assertEnrollmentMode(mode: 'open' | 'assigned', channel: EnrollmentChannel): void {
    if (enrollmentModeRefusal(mode, channel)) {
      throw new DomainError('SELF_ENROLL_NOT_ALLOWED', 'This course is assigned by HR only');
    }
  }
}
