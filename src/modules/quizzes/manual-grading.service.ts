import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit';
import { CourseAccess } from '../courses';
import { EnrollmentReadModel } from '../enrollments';
import { NotificationsService } from '../notifications';
import { SnapshotItem } from './domain/attempt-rules';
import { toScorable } from './domain/question-spec';
import { gradeAttempt, scoreResponse } from './domain/scoring';
import { GradeAttemptDto } from './dto/quiz.dto';
import { AttemptResults, LockedAttempt } from './attempt-results';
import { VersionCache } from './version-cache';

const LOCK_ATTEMPT = `
  SELECT a.id, a.quiz_id, a.user_id, a.enrollment_id, a.status, a.questions, a.deadline,
         a.score_hundredths, a.percent_hundredths, q.passing_percent, q.title AS quiz_title,
         q.course_id
    FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
   WHERE a.id = $1 FOR UPDATE OF a`;

/** Instructor grading of submitted attempts, and regrading after a question changed. */
@Injectable()
export class ManualGradingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: VersionCache,
    private readonly results: AttemptResults,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly access: CourseAccess,
    private readonly enrollmentReads: EnrollmentReadModel,
  ) {}

  /** Instructor marks (essays, or overrides); audited, and the learner is e-mailed. */
  async gradeManually(attemptId: string, dto: GradeAttemptDto, actor: AuthUser): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const attempt = await this.lock(tx, attemptId);
      if (!attempt) throw notFound('Attempt');
      if (!(await this.access.isStaff(actor, attempt.course_id!, tx))) throw notFound('Attempt');
      if (attempt.status !== 'needs_grading' && attempt.status !== 'graded') {
        throw new DomainError('ATTEMPT_NOT_GRADABLE', 'Only submitted attempts can be graded');
      }
      const versions = await this.versions.load(
        attempt.questions.map((i) => i.v),
        tx,
      );
      const changed = await this.marksGivenBefore(tx, attemptId, dto);
      const reason = dto.reason?.trim() || null;
      if (changed.length && !reason) {
        throw new DomainError(
          'REGRADE_REASON_REQUIRED',
          'Changing a mark an instructor gave needs a reason',
          { field: 'reason', questionIds: changed.map((c) => c.questionId) },
        );
      }
      for (const grade of dto.grades) {
        const version = versions.get(grade.questionId);
        if (!attempt.questions.some((i) => i.v === grade.questionId) || !version) {
          throw new DomainError('QUESTION_NOT_IN_ATTEMPT', 'The question is not in this attempt');
        }
        const mark = Math.round(grade.mark * 100);
        if (mark > version.content.defaultMarkHundredths) {
          throw new DomainError('BAD_REQUEST', 'The mark exceeds the question mark', {
            questionId: grade.questionId,
            max: version.content.defaultMarkHundredths / 100,
          });
        }
        await tx.query(
          `INSERT INTO quiz_attempt_answers
             (attempt_id, question_version_id, response, mark_hundredths, grader_comment, graded_by_id)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (attempt_id, question_version_id) DO UPDATE
             SET mark_hundredths = $4, grader_comment = $5, graded_by_id = $6, updated_at = now()`,
          [
            attemptId,
            grade.questionId,
            JSON.stringify({ type: version.content.type, text: '' }),
            mark,
            grade.comment ?? null,
            actor.id,
          ],
        );
      }
      const before = { status: attempt.status, score: attempt.score_hundredths };
      const result = await this.recomputeFromMarks(tx, attempt, versions);
      await this.audit.record(
        {
          actorId: actor.id,
          action: changed.length ? 'quiz_attempt.mark_changed' : 'quiz_attempt.graded',
          entityType: 'quiz_attempt',
          entityId: attemptId,
          data: changed.length
            ? { grades: dto.grades, previous: changed, reason, before, after: result }
            : { grades: dto.grades, before, after: result },
        },
        tx,
      );
      if (result.status === 'graded') await this.sendEssayGraded(tx, attempt, result.percent);
    });
  }

  /** Re-scores finished attempts of a quiz with the question's current version. */
  async regrade(quizId: string, questionId: string, actor: AuthUser) {
    return this.dataSource.transaction(async (tx) => {
      const [quiz]: { course_id: string }[] = await tx.query(
        'SELECT course_id FROM quizzes WHERE id = $1',
        [quizId],
      );
      if (!quiz) throw notFound('Quiz');
      await this.access.assertStaff(actor, quiz.course_id, tx);
      const [question] = await tx.query(
        `SELECT q.current_version_id FROM questions q JOIN quizzes z ON z.id = $2
           JOIN question_banks b ON b.id = q.bank_id AND b.course_id = z.course_id
          WHERE q.id = $1`,
        [questionId, quizId],
      );
      if (!question) throw notFound('Question');
      const currentId: string = question.current_version_id;
      const ids: { id: string }[] = await tx.query(
        `SELECT id FROM quiz_attempts
          WHERE quiz_id = $1 AND status IN ('needs_grading', 'graded')
            AND questions @> $2::jsonb ORDER BY id`,
        [quizId, JSON.stringify([{ q: questionId }])],
      );
      const regraded: string[] = [];
      for (const { id } of ids) {
        const attempt = (await this.lock(tx, id))!;
        const index = attempt.questions.findIndex((i) => i.q === questionId);
        const oldItem = attempt.questions[index];
        if (oldItem.v === currentId) continue;
        const versions = await this.versions.load([oldItem.v, currentId], tx);
        const fresh = versions.get(currentId)!;
        const kept = (oldItem.o ?? []).filter((o) =>
          fresh.content.spec.options?.some((x) => x.id === o),
        );
        const added = (fresh.content.spec.options ?? [])
          .map((o) => o.id)
          .filter((o) => !kept.includes(o));
        const newItem: SnapshotItem = { ...oldItem, v: currentId, t: fresh.content.type };
        if (fresh.content.spec.options) newItem.o = [...kept, ...added];
        attempt.questions[index] = newItem;
        const [answer] = await tx.query(
          `SELECT response, mark_hundredths FROM quiz_attempt_answers
            WHERE attempt_id = $1 AND question_version_id = $2`,
          [id, oldItem.v],
        );
        if (answer) {
          const score = scoreResponse(
            toScorable(fresh.content.type, fresh.content.spec),
            answer.response,
          );
          const mark = score.needsManualGrading
            ? answer.mark_hundredths
            : gradeAttempt([
                { maxMark: fresh.content.defaultMarkHundredths / 100, fraction: score.fraction },
              ]).totalMarks;
          await tx.query(
            `UPDATE quiz_attempt_answers SET question_version_id = $3, mark_hundredths = $4, updated_at = now()
              WHERE attempt_id = $1 AND question_version_id = $2`,
            [id, oldItem.v, currentId, mark],
          );
        }
        await tx.query('UPDATE quiz_attempts SET questions = $2 WHERE id = $1', [
          id,
          JSON.stringify(attempt.questions),
        ]);
        const all = await this.versions.load(
          attempt.questions.map((i) => i.v),
          tx,
        );
        const before = { score: attempt.score_hundredths, percent: attempt.percent_hundredths };
        const after = await this.recomputeFromMarks(tx, attempt, all);
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'quiz_attempt.regraded',
            entityType: 'quiz_attempt',
            entityId: id,
            data: {
              quizId,
              questionId,
              fromVersion: oldItem.v,
              toVersion: currentId,
              before,
              after,
            },
          },
          tx,
        );
        regraded.push(id);
      }
      return { regraded: regraded.length, attemptIds: regraded };
    });
  }

  /** The marks an instructor already gave to the questions being graded (a regrade). */
  private async marksGivenBefore(tx: EntityManager, attemptId: string, dto: GradeAttemptDto) {
    const rows: {
      question_version_id: string;
      mark_hundredths: number | null;
      grader_comment: string | null;
    }[] = await tx.query(
      `SELECT question_version_id, mark_hundredths, grader_comment FROM quiz_attempt_answers
          WHERE attempt_id = $1 AND question_version_id = ANY($2::uuid[]) AND graded_by_id IS NOT NULL`,
      [attemptId, dto.grades.map((g) => g.questionId)],
    );
    return rows.map((r) => ({
      questionId: r.question_version_id,
      mark: r.mark_hundredths === null ? null : r.mark_hundredths / 100,
      comment: r.grader_comment,
    }));
  }

  private lock(tx: EntityManager, attemptId: string): Promise<LockedAttempt | undefined> {
    return tx.query(LOCK_ATTEMPT, [attemptId]).then((rows: LockedAttempt[]) => rows[0]);
  }

  private async recomputeFromMarks(
    tx: EntityManager,
    attempt: LockedAttempt,
    versions: Awaited<ReturnType<VersionCache['load']>>,
  ) {
    const rows: { question_version_id: string; mark_hundredths: number | null }[] = await tx.query(
      'SELECT question_version_id, mark_hundredths FROM quiz_attempt_answers WHERE attempt_id = $1',
      [attempt.id],
    );
    const shown = new Set(attempt.questions.map((i) => i.v));
    const relevant = rows.filter((r) => shown.has(r.question_version_id));
    const total = relevant.reduce((sum, r) => sum + (r.mark_hundredths ?? 0), 0);
    const ungraded = relevant.filter((r) => r.mark_hundredths === null).length;
    const max = attempt.questions.reduce(
      (sum, i) => sum + (versions.get(i.v)?.content.defaultMarkHundredths ?? 0),
      0,
    );
    return this.results.record(tx, attempt, total, max, ungraded, false);
  }

  private async sendEssayGraded(tx: EntityManager, attempt: LockedAttempt, percent: number) {
    const row = await this.enrollmentReads.mailContext(attempt.enrollment_id, attempt.user_id, tx);
    if (!row) return;
    await this.notifications.enqueue(
      {
        userId: attempt.user_id,
        template: 'essay_graded',
        data: {
          learnerName: row.learnerName,
          courseTitle: row.locale === 'en' ? row.courseTitleEn : row.courseTitleId,
          quizTitle: attempt.quiz_title,
          scorePercent: percent / 100,
          reviewUrl: `/attempts/${attempt.id}`,
        },
        idempotencyKey: `essay-graded:${attempt.id}:${percent}`,
      },
      tx,
    );
  }
}
