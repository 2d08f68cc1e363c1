import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, Role } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { addStaffRefusal, removeStaffRefusal, StaffRole } from './domain/course-staff-rules';

export interface CourseStaffView {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
  addedById: string | null;
  createdAt: Date;
}

const STAFF_MESSAGES = {
  NOT_COURSE_OWNER: 'Only the course owner or an admin changes the course staff',
  STAFF_MUST_BE_INSTRUCTOR: 'Only users with the instructor role can join a course staff',
  COURSE_OWNER_NOT_REMOVABLE: 'The course owner cannot be removed from the staff',
} as const;

/**
 * The one check for instructor routes that act on a course (its content, quizzes, attempts,
 * grading, roster, reports, certificates): admins pass; an instructor must be on the course
 * staff. Outside the staff the course answers 404, as any record outside one's scope does.
 * Other modules call this service; only the courses module reads the course_staff table.
 */
@Injectable()
export class CourseAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async isStaff(actor: AuthUser, courseId: string, manager?: EntityManager): Promise<boolean> {
    if (actor.role === Role.Admin) return true;
    if (actor.role !== Role.Instructor) return false;
    return (await this.staffRole(actor.id, courseId, manager)) !== null;
  }

  async assertStaff(actor: AuthUser, courseId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.isStaff(actor, courseId, manager))) throw notFound('Course');
  }

  /**
   * The courses an actor's cross-course lists cover: null for admins (every course), the
   * staffed ones for an instructor, none for anyone else.
   */
  async staffedCourseIds(actor: AuthUser, manager?: EntityManager): Promise<string[] | null> {
    if (actor.role === Role.Admin) return null;
    if (actor.role !== Role.Instructor) return [];
    const rows: { course_id: string }[] = await (manager ?? this.dataSource.manager).query(
      'SELECT course_id FROM course_staff WHERE user_id = $1',
      [actor.id],
    );
    return rows.map((r) => r.course_id);
  }

  async list(courseId: string, actor: AuthUser): Promise<CourseStaffView[]> {
    await this.assertCourseVisible(actor, courseId);
    const rows: {
      user_id: string;
      name: string;
      email: string;
      role: StaffRole;
      added_by_id: string | null;
      created_at: Date;
    }[] = await this.dataSource.query(
      `SELECT s.user_id, u.name, u.email, s.role, s.added_by_id, s.created_at
         FROM course_staff s JOIN users u ON u.id = s.user_id
        WHERE s.course_id = $1
        ORDER BY (s.role = 'owner') DESC, s.created_at, s.user_id`,
      [courseId],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      email: r.email,
      role: r.role,
      addedById: r.added_by_id,
      createdAt: r.created_at,
    }));
  }

  /** Adds a co-instructor; adding someone already on the staff changes nothing. */
  async add(
    courseId: string,
    who: { userId?: string; email?: string },
    actor: AuthUser,
  ): Promise<{ staff: CourseStaffView[]; created: boolean }> {
    await this.assertCourseVisible(actor, courseId);
    if (!who.userId && !who.email) {
      throw new DomainError('VALIDATION_FAILED', 'Give userId or email');
    }
    // By e-mail only instructors are found, so the route tells nothing about other accounts.
    const [candidate]: { id: string; role: string }[] = who.userId
      ? await this.dataSource.query('SELECT id, role FROM users WHERE id = $1 AND is_active', [
          who.userId,
        ])
      : await this.dataSource.query(
          `SELECT id, role FROM users WHERE email = $1 AND role = 'instructor' AND is_active`,
          [who.email!.trim().toLowerCase()],
        );
    if (!candidate) throw notFound('User');
    const userId = candidate.id;
    this.refuse(
      addStaffRefusal({
        actorIsAdmin: actor.role === Role.Admin,
        actorStaffRole: await this.staffRole(actor.id, courseId),
        candidateRole: candidate.role,
      }),
    );
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO course_staff (course_id, user_id, role, added_by_id)
       VALUES ($1, $2, 'co_instructor', $3) ON CONFLICT DO NOTHING RETURNING user_id`,
      [courseId, userId, actor.id],
    );
    if (inserted.length) {
      await this.audit.record({
        actorId: actor.id,
        action: 'course.staff_added',
        entityType: 'course',
        entityId: courseId,
        data: { userId, role: 'co_instructor' },
      });
    }
    return { staff: await this.list(courseId, actor), created: inserted.length > 0 };
  }

  async remove(courseId: string, userId: string, actor: AuthUser): Promise<void> {
    await this.assertCourseVisible(actor, courseId);
    const target = await this.staffRole(userId, courseId);
    if (!target) throw notFound('Staff member');
    this.refuse(
      removeStaffRefusal({
        actorIsAdmin: actor.role === Role.Admin,
        actorStaffRole: await this.staffRole(actor.id, courseId),
        targetStaffRole: target,
      }),
    );
    await this.dataSource.query(
      `DELETE FROM course_staff WHERE course_id = $1 AND user_id = $2 AND role <> 'owner'`,
      [courseId, userId],
    );
    await this.audit.record({
      actorId: actor.id,
      action: 'course.staff_removed',
      entityType: 'course',
      entityId: courseId,
      data: { userId },
    });
  }

  private async staffRole(
    userId: string,
    courseId: string,
    manager?: EntityManager,
  ): Promise<StaffRole | null> {
    const [row]: { role: StaffRole }[] = await (manager ?? this.dataSource.manager).query(
      'SELECT role FROM course_staff WHERE course_id = $1 AND user_id = $2',
      [courseId, userId],
    );
    return row?.role ?? null;
  }

  private async assertCourseVisible(actor: AuthUser, courseId: string): Promise<void> {
    await this.assertStaff(actor, courseId);
    const [course] = await this.dataSource.query('SELECT id FROM courses WHERE id = $1', [
      courseId,
    ]);
    if (!course) throw notFound('Course');
  }

  private refuse(code: keyof typeof STAFF_MESSAGES | null): void {
    if (code) throw new DomainError(code, STAFF_MESSAGES[code]);
  }
}
