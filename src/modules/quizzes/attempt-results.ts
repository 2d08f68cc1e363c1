import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EnrollmentReadModel, ProgressService } from '../enrollments';
import { SnapshotItem } from './domain/attempt-rules';
import { attemptOutcome, QuestionResponse } from './domain/scoring';

/** An attempt row read under `FOR UPDATE` by a submit or a grading. */
export interface LockedAttempt {
  id: string;
  quiz_id: string;
  user_id: string;
  enrollment_id: string;
  status: string;
  questions: SnapshotItem[];
  deadline: Date | null;
  score_hundredths: number | null;
  percent_hundredths: number | null;
  passing_percent: number;
  quiz_title: string;
  course_id?: string;
  /** Answers saved before the deadline (only read with the lock for a submit). */
  answers?: { question_version_id: string; response: QuestionResponse }[];
}

/**
 * Writes an attempt's score and outcome, and completes the quiz lesson when it passed: the last
 * step of a submit, a manual grading and a regrade alike.
 */
@Injectable()
export class AttemptResults {
  constructor(
    private readonly progress: ProgressService,
    private readonly enrollmentReads: EnrollmentReadModel,
  ) {}

  async record(
    tx: EntityManager,
    attempt: LockedAttempt,
    total: number,
    max: number,
    ungraded: number,
    submitting: boolean,
  ): Promise<{ status: string; score: number; percent: number; passed: boolean | null }> {
    const { status, percent, passed } = attemptOutcome(
      total,
      max,
      ungraded,
      attempt.passing_percent,
    );
    await tx.query(
      `UPDATE quiz_attempts SET status = $2, score_hundredths = $3, percent_hundredths = $4,
              passed = $5, max_score_hundredths = $6, updated_at = now(),
              submitted_at = CASE WHEN $7 THEN now() ELSE submitted_at END
        WHERE id = $1`,
      [attempt.id, status, total, percent, passed, max, submitting],
    );
    if (passed) await this.completeLesson(tx, attempt);
    return { status, score: total, percent, passed };
  }

  private async completeLesson(tx: EntityManager, attempt: LockedAttempt): Promise<void> {
    const lessonId = await this.enrollmentReads.quizLessonOf(
      attempt.enrollment_id,
      attempt.quiz_id,
      tx,
    );
    if (!lessonId) return;
    await this.progress.completeLessonExternally(attempt.enrollment_id, lessonId, tx);
  }
}
