import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { toScorable } from './domain/question-spec';
import { gradeAttempt, scoreResponse } from './domain/scoring';
import { AttemptResults, LockedAttempt } from './attempt-results';
import { VersionCache } from './version-cache';

const LOCK_ATTEMPT_WITH_ANSWERS = `
  SELECT a.id, a.quiz_id, a.user_id, a.enrollment_id, a.status, a.questions, a.deadline,
         a.score_hundredths, a.percent_hundredths, q.passing_percent, q.title AS quiz_title,
         (SELECT coalesce(json_agg(json_build_object(
                   'question_version_id', x.question_version_id, 'response', x.response)), '[]')
            FROM quiz_attempt_answers x
           WHERE x.attempt_id = a.id AND (a.deadline IS NULL OR x.answered_at <= a.deadline)
         ) AS answers
    FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id
   WHERE a.id = $1 FOR UPDATE OF a`;

/** Submits attempts (the learner, or the worker at the deadline) and scores them. */
@Injectable()
export class GradingService {
  private readonly logger = new Logger(GradingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: VersionCache,
    private readonly results: AttemptResults,
  ) {}

  /**
   * Submits an open attempt (learner, or the auto-submit job when `userId` is null). A second
   * call changes nothing. Only answers given before the deadline count (autosave refuses others).
   */
  async submit(attemptId: string, userId: string | null): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const [attempt]: LockedAttempt[] = await tx.query(LOCK_ATTEMPT_WITH_ANSWERS, [attemptId]);
      if (!attempt || (userId !== null && attempt.user_id !== userId)) throw notFound('Attempt');
      if (attempt.status !== 'open') return;
      const answers = attempt.answers ?? [];
      const byVersion = new Map(answers.map((a) => [a.question_version_id, a.response]));
      const versions = await this.versions.load(
        attempt.questions.map((i) => i.v),
        tx,
      );
      const scored = attempt.questions.map((item) => {
        const version = versions.get(item.v)!;
        const result = scoreResponse(
          toScorable(version.content.type, version.content.spec),
          byVersion.get(item.v),
        );
        return {
          versionId: item.v,
          maxMark: version.content.defaultMarkHundredths / 100,
          fraction: result.needsManualGrading ? null : result.fraction,
        };
      });
      const grade = gradeAttempt(scored);
      const marks = scored
        .map((s, i) => ({ v: s.versionId, mark: s.fraction === null ? null : grade.itemMarks[i] }))
        .filter((m) => byVersion.has(m.v));
      if (marks.length) {
        await tx.query(
          `UPDATE quiz_attempt_answers a SET mark_hundredths = m.mark
             FROM unnest($2::uuid[], $3::int[]) AS m(v, mark)
            WHERE a.attempt_id = $1 AND a.question_version_id = m.v`,
          [attemptId, marks.map((m) => m.v), marks.map((m) => m.mark)],
        );
      }
      await this.results.record(
        tx,
        attempt,
        grade.totalMarks,
        grade.maxMarks,
        grade.ungradedItems,
        true,
      );
    });
  }

  /** The worker's entry point: submits an attempt once its offline grace has passed. */
  async autoSubmit(attemptId: string): Promise<'submitted' | 'not-due' | 'done'> {
    const [row] = await this.dataSource.query(
      `SELECT status, (grace_until <= now()) AS due,
              GREATEST(0, extract(epoch FROM grace_until - now()) * 1000)::int AS wait_ms
         FROM quiz_attempts WHERE id = $1`,
      [attemptId],
    );
    if (!row || row.status !== 'open') return 'done';
    if (!row.due) {
      // A timer that fires a moment early waits the rest; a far-off one is the sweeper's.
      if (row.wait_ms > 5000) return 'not-due';
      await new Promise((r) => setTimeout(r, row.wait_ms + 20));
    }
    await this.submit(attemptId, null);
    return 'submitted';
  }

  /** Open attempts whose grace passed long ago (their job was lost with Redis). */
  async sweepExpired(limit = 500): Promise<number> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM quiz_attempts
        WHERE status = 'open' AND grace_until < now() - interval '30 seconds'
        ORDER BY grace_until LIMIT $1`,
      [limit],
    );
    for (const row of rows) {
      await this.submit(row.id, null).catch((e: Error) =>
        this.logger.warn(`auto-submit ${row.id} failed: ${e.message}`),
      );
    }
    return rows.length;
  }
}
