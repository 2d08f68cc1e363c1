import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { CourseCatalog, VersionOutline } from '../courses';
import { AfterCommit } from '../../database/after-commit';
import { HeartbeatPool } from './heartbeat-pool';
import {
  completeRefusal,
  courseProgress,
  displayStatus,
  heartbeatSqlParameters,
  LessonAccessRefusal,
  LessonState,
  lessonAccessRefusal,
  ProgressMap,
  statusAfterActivity,
} from './domain/progress-rules';
import { HeartbeatResultView, ProgressResultView } from './dto/enrollment.dto';
import { EnrollmentCompletedEvent, EnrollmentEvents } from './enrollment-events';
import { Enrollment } from './entities/enrollment.entity';
import { loadProgressMap } from './progress-map';
import type { QuizEnrollment } from './enrollment-read-model';
import { prepared, queryPrepared } from '../../database/raw';

/**
 * One statement, one round trip, no entity hydration. The enrollment row is the learner's
 * clock: a conditional UPDATE credits LEAST(cap, now - last_activity_at) only when at least
 * minInterval has passed. Concurrent heartbeats queue on the row lock and re-check that
 * condition against the committed row, so of N simultaneous ones exactly one credits and the
 * rest change nothing (and, writing nothing, cost no commit flush). Two tabs share one clock.
 * The lesson gets the same credit. `heartbeatCredit` in domain/progress-rules is the rule; $4 and
 * $5 come from its `heartbeatSqlParameters`.
 */
const HEARTBEAT_SQL = `
WITH bump AS (
  UPDATE enrollments e
     SET time_spent_seconds = e.time_spent_seconds
           + LEAST($5::int, floor(extract(epoch FROM now() - e.last_activity_at))::int),
         last_activity_at = now()
    FROM enrollments before
   WHERE e.id = $1 AND before.id = $1 AND e.user_id = $3
     AND e.status IN ('in_progress', 'completed')
     AND e.last_activity_at <= now() - make_interval(secs => $4)
     AND EXISTS (SELECT 1 FROM lesson_progress p WHERE p.enrollment_id = $1 AND p.lesson_id = $2)
  RETURNING e.time_spent_seconds - before.time_spent_seconds AS credit
), lesson AS (
  UPDATE lesson_progress p
     SET time_spent_seconds = p.time_spent_seconds + bump.credit, last_heartbeat_at = now()
    FROM bump
   WHERE p.enrollment_id = $1 AND p.lesson_id = $2
  RETURNING p.time_spent_seconds
)
SELECT e.status,
       (SELECT credit FROM bump) AS credit,
       (SELECT time_spent_seconds FROM lesson) AS credited_lesson_seconds,
       (SELECT p.time_spent_seconds FROM lesson_progress p
         WHERE p.enrollment_id = $1 AND p.lesson_id = $2) AS lesson_seconds
  FROM enrollments e
 WHERE e.id = $1 AND e.user_id = $3`;

type LockedEnrollment = Pick<
  Enrollment,
  | 'id'
  | 'userId'
  | 'organizationId'
  | 'courseId'
  | 'courseVersionId'
  | 'status'
  | 'dueAt'
  | 'percent'
  | 'renewalOfCertificateId'
>;

const HEARTBEAT = prepared(HEARTBEAT_SQL);

const LOCK_ENROLLMENT = prepared(
  `SELECT id, user_id AS "userId", organization_id AS "organizationId",
          course_id AS "courseId", course_version_id AS "courseVersionId", status,
          due_at AS "dueAt", percent, renewal_of_certificate_id AS "renewalOfCertificateId"
     FROM enrollments WHERE id = $1 AND ($2::uuid IS NULL OR user_id = $2) FOR UPDATE`,
);

const COMPLETE_LESSON = prepared(
  `WITH lesson AS (
     UPDATE lesson_progress SET status = 'completed', completed_at = now()
      WHERE enrollment_id = $1 AND lesson_id = $5 AND status <> 'completed')
   UPDATE enrollments SET percent = $2, updated_at = now(),
          status = $4::enrollment_status,
          started_at = COALESCE(started_at, now()),
          completed_at = CASE WHEN $3 THEN now() ELSE completed_at END
    WHERE id = $1 RETURNING completed_at`,
);

interface HeartbeatRow {
  status: Enrollment['status'];
  credit: number | null;
  credited_lesson_seconds: number | null;
  lesson_seconds: number | null;
}

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CourseCatalog,
    private readonly events: EnrollmentEvents,
    private readonly afterCommit: AfterCommit,
    private readonly heartbeatPool: HeartbeatPool,
  ) {}

  async start(
    enrollmentId: string,
    lessonId: string,
    actor: AuthUser,
  ): Promise<ProgressResultView> {
    return this.dataSource.transaction(async (tx) => {
      const enrollment = await this.lock(tx, enrollmentId, actor.id);
      // On tx: a transaction asking the pool for a second connection can wait on the
      // connections other such transactions hold, until the acquire timeout (503).
      const outline = await this.courses.outline(enrollment.courseVersionId, tx);
      const progress = await loadProgressMap(tx, enrollmentId);
      this.assertLessonOpen(enrollment, outline, progress, lessonId);
      await this.recordStart(tx, enrollment, lessonId);
      return this.result(tx, enrollmentId, lessonId, outline);
    });
  }

  async heartbeat(
    enrollmentId: string,
    lessonId: string,
    actor: AuthUser,
    manager?: EntityManager,
  ): Promise<HeartbeatResultView> {
    const values = [enrollmentId, lessonId, actor.id, ...heartbeatSqlParameters()];
    const [row] = manager
      ? await queryPrepared<HeartbeatRow>(manager, HEARTBEAT, values)
      : (await this.heartbeatPool.get().query<HeartbeatRow>({ ...HEARTBEAT, values })).rows;
    if (!row) throw notFound('Enrollment');
    if (row.status === 'withdrawn') throw this.withdrawn();
    // A progress row exists only for a lesson that was open when it started, and lessons
    // never lock again, so the hot path needs no lock check; a refusal says why.
    if (row.lesson_seconds === null || row.status === 'not_started') {
      await this.assertLessonAccess(enrollmentId, lessonId, manager);
      throw new DomainError('LESSON_NOT_STARTED', 'Start the lesson before sending heartbeats');
    }
    const credited = row.credit !== null;
    return {
      accepted: credited,
      creditedSeconds: row.credit ?? 0,
      lessonTimeSpentSeconds: row.credited_lesson_seconds ?? row.lesson_seconds,
    };
  }

  /** Credits the time since the last heartbeat, then completes if the minimum time is met. */
  async complete(
    enrollmentId: string,
    lessonId: string,
    actor: AuthUser,
  ): Promise<ProgressResultView> {
    return this.dataSource.transaction(async (tx) => {
      const enrollment = await this.lock(tx, enrollmentId, actor.id);
      const outline = await this.courses.outline(enrollment.courseVersionId, tx);
      const progress = await loadProgressMap(tx, enrollmentId);
      this.assertLessonOpen(enrollment, outline, progress, lessonId);
      const lesson = outline.lessons.find((l) => l.id === lessonId)!;
      const started = progress.get(lessonId);
      if (enrollment.status !== 'not_started' && started) {
        const beat = await this.heartbeat(enrollmentId, lessonId, actor, tx);
        progress.set(lessonId, { ...started, timeSpentSeconds: beat.lessonTimeSpentSeconds });
      }
      const refusal = completeRefusal(lesson, progress.get(lessonId));
      if (refusal) {
        const { code, ...details } = refusal;
        throw new DomainError(code, this.refusalMessage(code), details);
      }
      const after = await this.markCompleted(tx, enrollment, outline, lessonId, progress);
      return this.resultView(
        { ...enrollment, status: after.status, percent: after.percent },
        lessonId,
        outline,
        after.progress,
      );
    });
  }

  /**
   * For the quizzes module: a passed quiz completes its lesson whatever the time spent, and
   * course completion is re-evaluated in the same transaction.
   */
  async completeLessonExternally(
    enrollmentId: string,
    lessonId: string,
    tx?: EntityManager,
  ): Promise<boolean> {
    const run = async (manager: EntityManager): Promise<boolean> => {
      const enrollment = await this.lock(manager, enrollmentId, null);
      const outline = await this.courses.outline(enrollment.courseVersionId, manager);
      const progress = await loadProgressMap(manager, enrollmentId);
      const refusal = this.refusalFor(enrollment, outline, progress, lessonId);
      // The attempt routes refuse a locked quiz before it is graded; an attempt that reaches
      // here anyway (e.g. auto-submitted) is graded but cannot complete a locked lesson.
      if (refusal === 'LESSON_LOCKED') return false;
      if (refusal) throw this.refusalError(refusal);
      await manager.query(
        `INSERT INTO lesson_progress (enrollment_id, lesson_id, last_heartbeat_at)
         VALUES ($1, $2, now()) ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
        [enrollmentId, lessonId],
      );
      await this.markCompleted(manager, enrollment, outline, lessonId, progress);
      return true;
    };
    if (tx) return run(tx);
    return this.dataSource.transaction(run);
  }

  /**
   * `before` is the enrollment's progress as read under its row lock, with a row for the
   * lesson; returns the progress after the change and the enrollment's new status.
   */
  private async markCompleted(
    tx: EntityManager,
    enrollment: LockedEnrollment,
    outline: VersionOutline,
    lessonId: string,
    before: ProgressMap,
  ): Promise<{ progress: ProgressMap; status: Enrollment['status']; percent: number }> {
    const progress = new Map(before).set(lessonId, {
      timeSpentSeconds: before.get(lessonId)?.timeSpentSeconds ?? 0,
      status: 'completed',
    });
    const state = courseProgress(outline.lessons, progress);
    const status = statusAfterActivity(enrollment.status, state.complete);
    const completes = status === 'completed' && enrollment.status !== 'completed';
    const [row] = await queryPrepared<{ completed_at: Date }>(tx, COMPLETE_LESSON, [
      enrollment.id,
      state.percent,
      completes,
      status,
      lessonId,
    ]);
    if (!completes) return { progress, status, percent: state.percent };
    const event: EnrollmentCompletedEvent = {
      enrollmentId: enrollment.id,
      userId: enrollment.userId,
      organizationId: enrollment.organizationId,
      courseId: enrollment.courseId,
      courseVersionId: enrollment.courseVersionId,
      completedAt: row.completed_at,
      renewalOfCertificateId: enrollment.renewalOfCertificateId,
    };
    await this.events.completedInTransaction(event, tx);
    await this.afterCommit.schedule(tx, () => this.events.completedAfterCommit(event));
    return { progress, status, percent: state.percent };
  }

  /** The enrollment row, locked until the transaction ends; only the learner's own with userId. */
  private async lock(
    tx: EntityManager,
    enrollmentId: string,
    userId: string | null,
  ): Promise<LockedEnrollment> {
    const [enrollment] = await queryPrepared<LockedEnrollment>(tx, LOCK_ENROLLMENT, [
      enrollmentId,
      userId,
    ]);
    if (!enrollment) throw notFound('Enrollment');
    return enrollment;
  }

  /**
   * For the quizzes module: refuses (LESSON_LOCKED, ...) a quiz lesson the learner may not act
   * on yet, before an attempt is opened, saved or submitted. With `start`, the lesson also
   * counts as started (progress row, enrollment in progress), as the lesson route does.
   */
  async openLessonForQuiz(
    enrollmentId: string,
    lessonId: string,
    options: { start: boolean },
  ): Promise<void> {
    const enrollment = await this.dataSource.manager.findOneBy(Enrollment, { id: enrollmentId });
    if (!enrollment) throw notFound('Enrollment');
    const progress = await loadProgressMap(this.dataSource.manager, enrollmentId);
    await this.openQuizLessonOf(
      {
        enrollmentId,
        lessonId,
        status: enrollment.status,
        courseVersionId: enrollment.courseVersionId,
      },
      progress,
      options,
      this.dataSource.manager,
    );
  }

  /**
   * The attempt start's lookup and lock check in one read, on the caller's transaction: the
   * learner's latest enrollment whose course version has this quiz, refused like every lesson
   * route when the lesson is locked, and the lesson recorded as started. Null when not enrolled.
   */
  async openQuizLesson(
    quizId: string,
    userId: string,
    tx: EntityManager,
  ): Promise<QuizEnrollment | null> {
    const [row]: {
      enrollment_id: string;
      lesson_id: string;
      status: Enrollment['status'];
      course_version_id: string;
      progress: { lesson_id: string; status: LessonState['status']; time_spent_seconds: number }[];
    }[] = await tx.query(
      `SELECT e.id AS enrollment_id, l.id AS lesson_id, e.status, e.course_version_id,
              COALESCE((SELECT json_agg(json_build_object('lesson_id', p.lesson_id,
                          'status', p.status, 'time_spent_seconds', p.time_spent_seconds))
                          FROM lesson_progress p WHERE p.enrollment_id = e.id), '[]') AS progress
         FROM enrollments e JOIN lessons l ON l.course_version_id = e.course_version_id
        WHERE l.quiz_id = $1 AND e.user_id = $2 AND e.status <> 'withdrawn'
        ORDER BY e.created_at DESC LIMIT 1`,
      [quizId, userId],
    );
    if (!row) return null;
    const progress: ProgressMap = new Map(
      row.progress.map((p) => [
        p.lesson_id,
        { status: p.status, timeSpentSeconds: p.time_spent_seconds },
      ]),
    );
    const state = {
      enrollmentId: row.enrollment_id,
      lessonId: row.lesson_id,
      status: row.status,
      courseVersionId: row.course_version_id,
    };
    await this.openQuizLessonOf(state, progress, { start: true }, tx);
    return { enrollmentId: row.enrollment_id, lessonId: row.lesson_id };
  }

  private async openQuizLessonOf(
    enrollment: {
      enrollmentId: string;
      lessonId: string;
      status: Enrollment['status'];
      courseVersionId: string;
    },
    progress: ProgressMap,
    options: { start: boolean },
    manager: EntityManager,
  ): Promise<void> {
    const { enrollmentId, lessonId } = enrollment;
    const outline = await this.courses.outline(enrollment.courseVersionId, manager);
    this.assertLessonOpen(enrollment, outline, progress, lessonId);
    if (!options.start || (enrollment.status !== 'not_started' && progress.has(lessonId))) return;
    // One statement on the attempt-start hot path; only a not_started row changes status.
    await manager.query(
      `WITH started AS (
         INSERT INTO lesson_progress (enrollment_id, lesson_id, last_heartbeat_at)
         VALUES ($1, $2, now()) ON CONFLICT (enrollment_id, lesson_id) DO NOTHING)
       UPDATE enrollments SET last_activity_at = now(), updated_at = now(),
              started_at = COALESCE(started_at, now()),
              status = CASE WHEN status = 'not_started' THEN $3::enrollment_status ELSE status END
        WHERE id = $1`,
      [enrollmentId, lessonId, statusAfterActivity('not_started', false)],
    );
  }

  /** For reads of a lesson (content, file): the same decision as every progress route. */
  async assertLessonAccess(
    enrollmentId: string,
    lessonId: string,
    manager?: EntityManager,
  ): Promise<void> {
    const m = manager ?? this.dataSource.manager;
    const enrollment = await m.findOneBy(Enrollment, { id: enrollmentId });
    if (!enrollment) throw notFound('Enrollment');
    const outline = await this.courses.outline(enrollment.courseVersionId, m);
    this.assertLessonOpen(enrollment, outline, await loadProgressMap(m, enrollmentId), lessonId);
  }

  private async recordStart(tx: EntityManager, enrollment: LockedEnrollment, lessonId: string) {
    await tx.query(
      `INSERT INTO lesson_progress (enrollment_id, lesson_id, last_heartbeat_at)
       VALUES ($1, $2, now()) ON CONFLICT (enrollment_id, lesson_id) DO NOTHING`,
      [enrollment.id, lessonId],
    );
    await tx.query(
      `UPDATE enrollments SET last_activity_at = now(), updated_at = now(),
              started_at = COALESCE(started_at, now()), status = $2::enrollment_status
        WHERE id = $1`,
      [enrollment.id, statusAfterActivity(enrollment.status, false)],
    );
  }

  private refusalFor(
    enrollment: Pick<Enrollment, 'status'>,
    outline: VersionOutline,
    progress: ProgressMap,
    lessonId: string,
  ): LessonAccessRefusal | null {
    return lessonAccessRefusal({
      enrollmentStatus: enrollment.status,
      lessons: outline.lessons,
      progress,
      sequential: outline.sequential,
      lessonId,
    });
  }

  private assertLessonOpen(
    enrollment: Pick<Enrollment, 'status'>,
    outline: VersionOutline,
    progress: ProgressMap,
    lessonId: string,
  ): void {
    const refusal = this.refusalFor(enrollment, outline, progress, lessonId);
    if (refusal) throw this.refusalError(refusal);
  }

  private refusalError(refusal: LessonAccessRefusal): DomainError {
    switch (refusal) {
      case 'ENROLLMENT_WITHDRAWN':
        return this.withdrawn();
      case 'LESSON_NOT_FOUND':
        return notFound('Lesson');
      default:
        return new DomainError('LESSON_LOCKED', 'Complete the earlier required lessons first');
    }
  }

  private async result(
    tx: EntityManager,
    enrollmentId: string,
    lessonId: string,
    outline: VersionOutline,
  ): Promise<ProgressResultView> {
    const enrollment = await tx.findOneByOrFail(Enrollment, { id: enrollmentId });
    return this.resultView(enrollment, lessonId, outline, await loadProgressMap(tx, enrollmentId));
  }

  private resultView(
    enrollment: Pick<Enrollment, 'id' | 'status' | 'dueAt' | 'percent'>,
    lessonId: string,
    outline: VersionOutline,
    progress: ProgressMap,
  ): ProgressResultView {
    const state = courseProgress(outline.lessons, progress);
    return {
      enrollmentId: enrollment.id,
      lessonId,
      lessonStatus: progress.get(lessonId)?.status ?? 'in_progress',
      lessonTimeSpentSeconds: progress.get(lessonId)?.timeSpentSeconds ?? 0,
      enrollmentStatus: displayStatus(enrollment.status, enrollment.dueAt, new Date()),
      percent: enrollment.percent,
      nextLessonId: enrollment.status === 'completed' ? null : state.nextLessonId,
    };
  }

  private refusalMessage(code: string): string {
    switch (code) {
      case 'MIN_TIME_NOT_REACHED':
        return 'The minimum time for this lesson has not been reached yet';
      case 'QUIZ_MUST_BE_PASSED':
        return 'A quiz lesson completes when its quiz is passed';
      default:
        return 'Start the lesson first';
    }
  }

  /**
   * The hot path goes to the driver's pool directly so the statement is prepared once per
   * connection (a named statement) and skips the ORM's query wrapper.
   */
  private withdrawn(): DomainError {
    return new DomainError('ENROLLMENT_WITHDRAWN', 'This enrollment was withdrawn');
  }
}
