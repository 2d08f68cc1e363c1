import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, isAuthor } from '../../common/auth/roles';
import { AppConfig } from '../../config/app-config';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { returnedRows } from '../../database/raw';
import { EnrollmentReadModel, ProgressService } from '../enrollments';
import { JobQueue } from '../queue';
import {
  buildSnapshot,
  computeDeadline,
  NotEnoughQuestionsError,
  offlineGraceEnd,
  quizWindowRefusal,
  reviewVisibility,
  seededRandom,
  selectQuestions,
  SnapshotItem,
} from './domain/attempt-rules';
import {
  learnerQuestion,
  LearnerQuestion,
  questionReview,
  QuestionReview,
} from './domain/learner-view';
import { QuizOptions, ReviewFlags } from './domain/quiz-settings';
import { QuestionResponse } from './domain/scoring';
import { SaveAnswerDto } from './dto/quiz.dto';
import { CourseAccess } from '../courses';
import { GradingService } from './grading.service';
import { VersionCache } from './version-cache';

export const autoSubmitJobId = (attemptId: string) => `auto-submit-${attemptId}`;

interface AttemptRow {
  id: string;
  quiz_id: string;
  user_id: string;
  attempt_no: number;
  status: string;
  questions: SnapshotItem[];
  started_at: Date;
  deadline: Date | null;
  grace_until: Date | null;
  submitted_at: Date | null;
  score_hundredths: number | null;
  max_score_hundredths: number | null;
  percent_hundredths: number | null;
  passed: boolean | null;
}

export interface AttemptView {
  id: string;
  quizId: string;
  attemptNo: number;
  status: string;
  startedAt: Date;
  deadline: Date | null;
  graceUntil: Date | null;
  submittedAt: Date | null;
  serverNow: Date;
  questions: (LearnerQuestion & { review?: QuestionReview })[];
  /** The learner's saved answers, while the attempt is open. */
  answers?: Record<string, QuestionResponse>;
  result?: { score: number; maxScore: number; percent: number; passed: boolean | null };
  userId?: string;
}

/**
 * Everything the start decides on, in one read: the quiz, the learner's attempts on it, the
 * database clock and the candidate questions of its selection (fixed ids or drawn categories).
 */
const START_CONTEXT = `
  SELECT q.id, q.course_id, q.time_limit_seconds, q.attempts_allowed, q.open_at, q.close_at,
         q.options, now() AS db_now,
         (SELECT count(*)::int FROM quiz_attempts a WHERE a.quiz_id = q.id AND a.user_id = $2) AS used,
         (SELECT a.id FROM quiz_attempts a
           WHERE a.quiz_id = q.id AND a.user_id = $2 AND a.status = 'open') AS open_id,
         COALESCE((
           SELECT json_agg(json_build_object('questionId', c.id, 'categoryId', c.category_id,
                                             'versionId', c.current_version_id))
             FROM questions c JOIN question_banks b ON b.id = c.bank_id AND b.course_id = q.course_id
            WHERE c.deleted_at IS NULL
              AND (c.id IN (SELECT x::uuid FROM jsonb_array_elements_text(
                              CASE WHEN q.options->'selection'->>'mode' = 'fixed'
                                   THEN q.options->'selection'->'questionIds' END) x)
                   OR c.category_id IN (SELECT (d->>'categoryId')::uuid FROM jsonb_array_elements(
                              CASE WHEN q.options->'selection'->>'mode' = 'random'
                                   THEN q.options->'selection'->'draws' END) d))
         ), '[]') AS candidates
    FROM quizzes q
   WHERE q.id = $1`;

interface StartContext {
  id: string;
  course_id: string;
  time_limit_seconds: number | null;
  attempts_allowed: number | null;
  open_at: Date | null;
  close_at: Date | null;
  options: QuizOptions;
  db_now: Date;
  used: number;
  open_id: string | null;
  candidates: { questionId: string; categoryId: string | null; versionId: string }[];
}

/** Immutable while an attempt is open: who owns it and what it shows. */
interface AttemptMeta {
  userId: string;
  questions: SnapshotItem[];
}
const MAX_CACHED_ATTEMPTS = 50_000;

const ATTEMPT_COLUMNS = `id, quiz_id, user_id, attempt_no, status, questions, started_at, deadline,
  grace_until, submitted_at, score_hundredths, max_score_hundredths, percent_hundredths, passed`;

@Injectable()
export class AttemptsService {
  /** Saves skip a read with this; every rule (owner, open, deadline) is re-checked in SQL. */
  private readonly openAttempts = new Map<string, AttemptMeta>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly enrollmentReads: EnrollmentReadModel,
    private readonly versions: VersionCache,
    private readonly grading: GradingService,
    private readonly progress: ProgressService,
    private readonly access: CourseAccess,
    private readonly config: AppConfig,
  ) {}

  /**
   * Cheap by design (a cohort starts at once): one connection and one transaction (so one
   * commit) for the lot: the start context with its candidate questions, the enrollment and lock
   * check with the lesson start, and one INSERT with the whole snapshot; versions come from the
   * per-process cache. Nothing inside acquires a second connection (no pool deadlock in a surge).
   */
  async start(quizId: string, actor: AuthUser): Promise<AttemptView> {
    const started = await this.dataSource.transaction((tx) => this.startIn(tx, quizId, actor));
    if ('openId' in started) return this.view(started.openId, actor);
    const { attempt, snapshot, options, closeAt, now, graceUntil } = started;
    this.remember(attempt.id, { userId: actor.id, questions: snapshot });
    if (graceUntil) {
      await this.scheduleAutoSubmit(attempt.id, graceUntil.getTime() - now.getTime());
    }
    return this.render(attempt, options.review, closeAt, now, actor, false);
  }

  private async startIn(
    tx: EntityManager,
    quizId: string,
    actor: AuthUser,
  ): Promise<
    | { openId: string }
    | {
        attempt: AttemptRow;
        snapshot: SnapshotItem[];
        options: QuizOptions;
        closeAt: Date | null;
        now: Date;
        graceUntil: Date | null;
      }
  > {
    const [ctx]: (StartContext | undefined)[] = await tx.query(START_CONTEXT, [quizId, actor.id]);
    if (!ctx) throw notFound('Quiz');
    // Same rule as the lesson route: a locked quiz lesson opens no attempt.
    const enrollment = await this.progress.openQuizLesson(quizId, actor.id, tx);
    if (!enrollment) throw notFound('Quiz');
    if (ctx.open_id) return { openId: ctx.open_id };
    const now: Date = ctx.db_now;
    const refusal = quizWindowRefusal(now, ctx.open_at, ctx.close_at);
    if (refusal) {
      throw new DomainError('QUIZ_NOT_OPEN', 'The quiz is not open', { reason: refusal });
    }
    if (ctx.attempts_allowed !== null && ctx.used >= ctx.attempts_allowed) {
      throw new DomainError('ATTEMPTS_EXHAUSTED', 'No attempts left', {
        allowed: ctx.attempts_allowed,
      });
    }
    const options = ctx.options;
    const random = seededRandom(randomInt(2 ** 31));
    let chosen: StartContext['candidates'];
    try {
      chosen = selectQuestions(options.selection, ctx.candidates, options.shuffleQuestions, random);
    } catch (e) {
      if (e instanceof NotEnoughQuestionsError) {
        throw new DomainError('NOT_ENOUGH_QUESTIONS', 'The quiz cannot draw its questions', {
          shortfalls: e.shortfalls,
        });
      }
      throw e;
    }
    if (!chosen.length) throw new DomainError('NOT_ENOUGH_QUESTIONS', 'The quiz has no questions');
    const versions = await this.versions.load(
      chosen.map((c) => c.versionId),
      tx,
    );
    const snapshot = buildSnapshot(
      chosen.map((c) => {
        const v = versions.get(c.versionId)!;
        return {
          ...c,
          type: v.content.type,
          optionIds: (v.content.spec.options ?? []).map((o) => o.id),
          matchingAnswerCount: v.rendered.answers.length,
        };
      }),
      options.shuffleAnswers,
      random,
    );
    const deadline = computeDeadline(now, ctx.time_limit_seconds, ctx.close_at);
    const graceUntil = offlineGraceEnd(deadline, this.config.quizOfflineGraceSeconds);
    const inserted: AttemptRow[] = await tx.query(
      `INSERT INTO quiz_attempts
         (quiz_id, user_id, enrollment_id, attempt_no, status, questions, started_at, deadline,
          grace_until)
       VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8)
       ON CONFLICT (quiz_id, user_id) WHERE status = 'open' DO NOTHING
       RETURNING ${ATTEMPT_COLUMNS}`,
      [
        quizId,
        actor.id,
        enrollment.enrollmentId,
        ctx.used + 1,
        JSON.stringify(snapshot),
        now,
        deadline,
        graceUntil,
      ],
    );
    if (!inserted.length) {
      // A concurrent start committed first (ON CONFLICT waited for it): this statement sees it.
      const [open] = await tx.query(
        `SELECT id FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2 AND status = 'open'`,
        [quizId, actor.id],
      );
      if (!open) throw new DomainError('CONFLICT', 'Attempt started concurrently; retry');
      return { openId: open.id };
    }
    return { attempt: inserted[0], snapshot, options, closeAt: ctx.close_at, now, graceUntil };
  }

  async saveAnswer(
    attemptId: string,
    questionId: string,
    dto: SaveAnswerDto,
    actor: AuthUser,
  ): Promise<{ questionId: string; savedAt: Date }> {
    let meta = this.openAttempts.get(attemptId);
    if (!meta) {
      const [row] = await this.dataSource.query(
        `SELECT status, questions, (grace_until IS NOT NULL AND grace_until <= now()) AS expired,
                enrollment_id, quiz_id
           FROM quiz_attempts WHERE id = $1 AND user_id = $2`,
        [attemptId, actor.id],
      );
      if (!row) throw notFound('Attempt');
      if (row.status !== 'open') throw notOpen();
      if (row.expired) throw deadlinePassed();
      // Cached attempts were checked when cached; a lesson never locks again once open.
      await this.assertQuizLessonOpen(row.enrollment_id, row.quiz_id);
      meta = { userId: actor.id, questions: row.questions };
      this.remember(attemptId, meta);
    }
    if (meta.userId !== actor.id) throw notFound('Attempt');
    const item = meta.questions.find((i) => i.v === questionId);
    if (!item) {
      throw new DomainError('QUESTION_NOT_IN_ATTEMPT', 'The question is not in this attempt');
    }
    const response = toResponse(item, dto);
    const answeredAt = dto.answeredAt ?? null;
    // FOR SHARE: a concurrent submit waits for this save, and a save after it sees "not open".
    // Committed synchronously on purpose (not `synchronous_commit = off` as heartbeats are): the
    // web app drops an answer from its outbox once this acknowledges it, so an acknowledged save
    // lost in a database crash would be an answer lost for good (docs/operations.md).
    const rows: { updated_at: Date }[] = returnedRows(
      await this.dataSource.query(
        `INSERT INTO quiz_attempt_answers (attempt_id, question_version_id, response, answered_at)
         SELECT a.id, $2, $3, ${ANSWERED_AT_SQL} FROM quiz_attempts a
          WHERE a.id = $1 AND a.user_id = $4 AND a.status = 'open' AND ${ANSWER_TIMING_SQL}
          FOR SHARE
         ON CONFLICT (attempt_id, question_version_id)
           DO UPDATE SET response = EXCLUDED.response, answered_at = EXCLUDED.answered_at,
                         updated_at = now()
         RETURNING updated_at`,
        [attemptId, questionId, JSON.stringify(response), actor.id, answeredAt],
      ),
    );
    if (!rows.length) {
      const [now] = await this.dataSource.query('SELECT status FROM quiz_attempts WHERE id = $1', [
        attemptId,
      ]);
      if (now?.status !== 'open') this.openAttempts.delete(attemptId);
      throw now?.status === 'open' ? deadlinePassed() : notOpen();
    }
    return { questionId, savedAt: rows[0].updated_at };
  }

  async submit(attemptId: string, actor: AuthUser): Promise<AttemptView> {
    if (!this.openAttempts.has(attemptId)) {
      const [row] = await this.dataSource.query(
        `SELECT enrollment_id, quiz_id, status FROM quiz_attempts WHERE id = $1 AND user_id = $2`,
        [attemptId, actor.id],
      );
      if (!row) throw notFound('Attempt');
      if (row.status === 'open') await this.assertQuizLessonOpen(row.enrollment_id, row.quiz_id);
    }
    await this.grading.submit(attemptId, actor.id);
    this.openAttempts.delete(attemptId);
    return this.view(attemptId, actor);
  }

  async view(attemptId: string, actor: AuthUser): Promise<AttemptView> {
    const [row]: (AttemptRow & {
      options: QuizOptions;
      close_at: Date | null;
      db_now: Date;
      course_id: string;
    })[] = await this.dataSource.query(
      `SELECT a.*, q.options, q.close_at, q.course_id, now() AS db_now
         FROM quiz_attempts a JOIN quizzes q ON q.id = a.quiz_id WHERE a.id = $1`,
      [attemptId],
    );
    if (!row) throw notFound('Attempt');
    const mayRead = isAuthor(actor)
      ? await this.access.isStaff(actor, row.course_id)
      : row.user_id === actor.id;
    if (!mayRead) throw notFound('Attempt');
    return this.render(row, row.options.review, row.close_at, row.db_now, actor, true);
  }

  private async render(
    attempt: AttemptRow,
    review: QuizOptions['review'],
    closeAt: Date | null,
    now: Date,
    actor: AuthUser,
    mayHaveAnswers: boolean,
  ): Promise<AttemptView> {
    const author = isAuthor(actor);
    const flags: ReviewFlags = author
      ? { score: true, responses: true, correctAnswers: true, feedback: true }
      : reviewVisibility(review, attempt.status, now, closeAt);
    const versions = await this.versions.load(attempt.questions.map((i) => i.v));
    const needAnswers =
      mayHaveAnswers &&
      (attempt.status === 'open' || flags.responses || flags.correctAnswers || flags.feedback);
    const answers = new Map<
      string,
      { response: QuestionResponse; markHundredths: number | null; comment: string | null }
    >();
    if (needAnswers) {
      const rows: {
        question_version_id: string;
        response: QuestionResponse;
        mark_hundredths: number | null;
        grader_comment: string | null;
      }[] = await this.dataSource.query(
        `SELECT question_version_id, response, mark_hundredths, grader_comment
           FROM quiz_attempt_answers WHERE attempt_id = $1`,
        [attempt.id],
      );
      for (const r of rows) {
        answers.set(r.question_version_id, {
          response: r.response,
          markHundredths: r.mark_hundredths,
          comment: r.grader_comment,
        });
      }
    }
    const view: AttemptView = {
      id: attempt.id,
      quizId: attempt.quiz_id,
      attemptNo: attempt.attempt_no,
      status: attempt.status,
      startedAt: attempt.started_at,
      deadline: attempt.deadline,
      graceUntil: attempt.grace_until,
      submittedAt: attempt.submitted_at,
      serverNow: now,
      questions: attempt.questions.map((item, index) => {
        const version = versions.get(item.v)!;
        const question: LearnerQuestion & { review?: QuestionReview } = learnerQuestion(
          item,
          index,
          version.rendered,
        );
        const block = questionReview(version.content, flags, answers.get(item.v));
        if (block) question.review = block;
        return question;
      }),
    };
    if (attempt.status === 'open') {
      view.answers = Object.fromEntries([...answers].map(([id, a]) => [id, a.response]));
    }
    if (flags.score && attempt.status !== 'open') {
      view.result = {
        score: (attempt.score_hundredths ?? 0) / 100,
        maxScore: (attempt.max_score_hundredths ?? 0) / 100,
        percent: (attempt.percent_hundredths ?? 0) / 100,
        passed: attempt.passed,
      };
    }
    if (author) view.userId = attempt.user_id;
    return view;
  }

  private async assertQuizLessonOpen(enrollmentId: string, quizId: string): Promise<void> {
    const lessonId = await this.enrollmentReads.quizLessonOf(enrollmentId, quizId);
    if (!lessonId) throw notFound('Quiz');
    await this.progress.openLessonForQuiz(enrollmentId, lessonId, { start: false });
  }

  private remember(attemptId: string, meta: AttemptMeta): void {
    if (this.openAttempts.size >= MAX_CACHED_ATTEMPTS) this.openAttempts.clear();
    this.openAttempts.set(attemptId, meta);
  }

  /** The attempt row holds the deadline; the sweeper submits it if this job is lost. */
  private async scheduleAutoSubmit(attemptId: string, delayMs: number): Promise<void> {
    await this.jobs.enqueue(
      'quiz.auto-submit',
      { attemptId },
      {
        jobId: autoSubmitJobId(attemptId),
        delay: Math.max(0, delayMs),
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }
}

/**
 * `answerTimingRefusal` and `answeredAtFor` (domain/attempt-rules.ts) in SQL, on the database's
 * clock; `a` is the attempt and $5 the learner's `answeredAt` (or null).
 */
export const ANSWER_TIMING_SQL = `(a.deadline IS NULL OR now() < a.deadline
  OR ($5::timestamptz <= a.deadline AND now() < a.grace_until))`;
export const ANSWERED_AT_SQL = `LEAST(now(), $5::timestamptz)`;

function notOpen() {
  return new DomainError('ATTEMPT_NOT_OPEN', 'The attempt has been submitted');
}

function deadlinePassed() {
  return new DomainError('ATTEMPT_DEADLINE_PASSED', 'The time for this attempt is over');
}

function toResponse(item: SnapshotItem, dto: SaveAnswerDto): QuestionResponse {
  const options = new Set(item.o ?? []);
  const checkOption = (id: string) => {
    if (!options.has(id)) throw new DomainError('BAD_REQUEST', 'Unknown option id');
    return id;
  };
  switch (item.t) {
    case 'single_choice':
      return { type: 'single_choice', optionId: dto.optionId ? checkOption(dto.optionId) : null };
    case 'multiple_choice':
      return {
        type: 'multiple_choice',
        optionIds: [...new Set(dto.optionIds ?? [])].map(checkOption),
      };
    case 'true_false':
      return { type: 'true_false', answer: dto.answer ?? null };
    case 'short_answer':
    case 'numerical':
    case 'essay':
      return { type: item.t, text: dto.text ?? '' };
    case 'matching':
      return {
        type: 'matching',
        matches: (dto.matches ?? []).map((m) => ({ pairId: m.pairId, answer: m.answer })),
      };
    default:
      throw new DomainError('BAD_REQUEST', 'This question takes no answer');
  }
}
