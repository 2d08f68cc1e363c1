import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface QuizEnrollment {
  enrollmentId: string;
  lessonId: string;
}

export interface EnrollmentMailContext {
  learnerName: string;
  locale: string;
  courseTitleId: string;
  courseTitleEn: string;
}

/**
 * Read-only queries other modules ask about enrollments; they join enrollments with lessons,
 * course versions and users, so those modules never read the tables themselves.
 */
@Injectable()
export class EnrollmentReadModel {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The learner's latest enrollment (not withdrawn) on a course version holding a lesson linked
   * to this quiz (drafts copy the link, so several versions may hold it), or null.
   */
  async quizEnrollment(
    quizId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QuizEnrollment | null> {
    const [row] = await manager.query(
      `SELECT e.id AS enrollment_id, l.id AS lesson_id
         FROM enrollments e JOIN lessons l ON l.course_version_id = e.course_version_id
        WHERE l.quiz_id = $1 AND e.user_id = $2 AND e.status <> 'withdrawn'
        ORDER BY e.created_at DESC LIMIT 1`,
      [quizId, userId],
    );
    return row ? { enrollmentId: row.enrollment_id, lessonId: row.lesson_id } : null;
  }

  /** The lesson of this enrollment's course version that takes this quiz, or null. */
  async quizLessonOf(
    enrollmentId: string,
    quizId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const [lesson] = await manager.query(
      `SELECT l.id FROM lessons l JOIN enrollments e ON e.course_version_id = l.course_version_id
        WHERE e.id = $1 AND l.quiz_id = $2 LIMIT 1`,
      [enrollmentId, quizId],
    );
    return lesson?.id ?? null;
  }

  /** Who the learner is and which course the enrollment is on, for a mail to them. */
  async mailContext(
    enrollmentId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<EnrollmentMailContext | null> {
    const [row] = await manager.query(
      `SELECT u.name, u.locale, cv.title_id, cv.title_en FROM users u
         JOIN enrollments e ON e.id = $2 JOIN course_versions cv ON cv.id = e.course_version_id
        WHERE u.id = $1`,
      [userId, enrollmentId],
    );
    if (!row) return null;
    return {
      learnerName: row.name,
      locale: row.locale,
      courseTitleId: row.title_id,
      courseTitleEn: row.title_en,
    };
  }
}
