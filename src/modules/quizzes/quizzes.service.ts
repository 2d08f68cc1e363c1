import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../database/pg-errors';
import { AuditService } from '../audit';
import { CourseAccess, CourseCatalog, type LessonRef } from '../courses';
import { EnrollmentReadModel } from '../enrollments';
import { quizGrade, reviewVisibility } from './domain/attempt-rules';
import { NO_REVIEW, QuizOptions } from './domain/quiz-settings';
import { CreateQuizDto, QuizSettingsDto, UpdateQuizDto } from './dto/quiz.dto';
import { QuestionBankService } from './question-bank.service';
import { Quiz } from './entities/quiz.entity';

/** A quiz with the course version it belongs to, for its authors. */
export interface AuthorQuiz {
  quiz: Quiz;
  version: { no: number; status: string };
}

export interface EnrollmentRef {
  enrollmentId: string;
  lessonId: string;
}

@Injectable()
export class QuizzesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly courses: CourseCatalog,
    private readonly bank: QuestionBankService,
    private readonly audit: AuditService,
    private readonly access: CourseAccess,
    private readonly enrollmentReads: EnrollmentReadModel,
  ) {}

  async create(dto: CreateQuizDto, actor: AuthUser): Promise<AuthorQuiz> {
    const ref = await this.courses.getLessonRef(dto.lessonId);
    await this.access.assertStaff(actor, ref.courseId);
    if (ref.type !== 'quiz') {
      throw new DomainError('LESSON_TYPE_MISMATCH', 'Only quiz lessons take a quiz');
    }
    if (ref.versionStatus !== 'draft') {
      throw new DomainError('LESSON_NOT_EDITABLE', 'Only lessons of the draft version can change');
    }
    const fields = await this.settingsFields(dto, ref.courseId);
    let quiz: Quiz;
    try {
      quiz = await this.dataSource.manager.save(
        this.dataSource.manager.create(Quiz, {
          ...fields,
          lessonId: dto.lessonId,
          courseId: ref.courseId,
        } as Partial<Quiz>),
      );
    } catch (e) {
      if (isUniqueViolation(e))
        throw new DomainError('QUIZ_EXISTS', 'The lesson already has a quiz');
      throw e;
    }
    await this.courses.setLessonQuiz(dto.lessonId, quiz.id);
    await this.audit.record({
      actorId: actor.id,
      action: 'quiz.created',
      entityType: 'quiz',
      entityId: quiz.id,
      data: { lessonId: dto.lessonId },
    });
    return { quiz, version: versionOf(ref) };
  }

  /**
   * A quiz of a frozen version stays editable (an exam window moves, a pass mark is corrected):
   * the change applies at once to learners on that version. A draft's quiz is its own copy.
   */
  async update(id: string, dto: UpdateQuizDto, actor: AuthUser): Promise<AuthorQuiz> {
    const authored = await this.getForAuthor(id, actor);
    const { quiz } = authored;
    const merged: QuizSettingsDto = {
      ...toSettingsDto(quiz),
      ...Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)),
    };
    Object.assign(quiz, await this.settingsFields(merged, quiz.courseId));
    await this.dataSource.manager.save(quiz);
    await this.audit.record({
      actorId: actor.id,
      action: 'quiz.updated',
      entityType: 'quiz',
      entityId: quiz.id,
      data: { fields: Object.keys(dto), versionNo: authored.version.no },
    });
    return authored;
  }

  /** The full quiz, for admins and the course staff. */
  async getForAuthor(id: string, actor: AuthUser): Promise<AuthorQuiz> {
    const quiz = await this.find(id);
    await this.access.assertStaff(actor, quiz.courseId);
    return { quiz, version: versionOf(await this.courses.getLessonRef(quiz.lessonId)) };
  }

  private async find(id: string): Promise<Quiz> {
    const quiz = await this.dataSource.manager.findOneBy(Quiz, { id });
    if (!quiz) throw notFound('Quiz');
    return quiz;
  }

  /** Learners see the quiz only through an enrollment on a version that contains it. */
  async getForLearner(id: string, actor: AuthUser) {
    const quiz = await this.find(id);
    await this.enrollmentFor(quiz.id, actor.id);
    const attempts: {
      id: string;
      attempt_no: number;
      status: string;
      started_at: Date;
      deadline: Date | null;
      submitted_at: Date | null;
      percent_hundredths: number | null;
    }[] = await this.dataSource.query(
      `SELECT id, attempt_no, status, started_at, deadline, submitted_at, percent_hundredths
         FROM quiz_attempts WHERE quiz_id = $1 AND user_id = $2 ORDER BY attempt_no`,
      [id, actor.id],
    );
    const now = new Date();
    const showsScore = (status: string) =>
      reviewVisibility(quiz.options.review, status, now, quiz.closeAt).score;
    const grade = quizGrade(
      attempts.map((a) => ({
        attemptNo: a.attempt_no,
        percentHundredths: a.percent_hundredths ?? 0,
        status: a.status,
      })),
      quiz.gradingMethod,
    );
    return {
      id: quiz.id,
      lessonId: quiz.lessonId,
      courseId: quiz.courseId,
      title: quiz.title,
      timeLimitSeconds: quiz.timeLimitSeconds,
      attemptsAllowed: quiz.attemptsAllowed,
      passingPercent: quiz.passingPercent,
      gradingMethod: quiz.gradingMethod,
      openAt: quiz.openAt,
      closeAt: quiz.closeAt,
      grade: grade && showsScore(grade.status) ? { percent: grade.percentHundredths / 100 } : null,
      attempts: attempts.map((a) => ({
        id: a.id,
        attemptNo: a.attempt_no,
        status: a.status,
        startedAt: a.started_at,
        deadline: a.deadline,
        submittedAt: a.submitted_at,
        percent:
          showsScore(a.status) && a.percent_hundredths !== null ? a.percent_hundredths / 100 : null,
      })),
    };
  }

  /**
   * The learner's enrollment on a course version containing a lesson linked to this quiz
   * (drafts copy the link, so several versions may hold it). Not enrolled looks like 404.
   */
  async enrollmentFor(quizId: string, userId: string): Promise<EnrollmentRef> {
    const enrollment = await this.enrollmentReads.quizEnrollment(quizId, userId);
    if (!enrollment) throw notFound('Quiz');
    return enrollment;
  }

  private async settingsFields(dto: QuizSettingsDto, courseId: string): Promise<Partial<Quiz>> {
    const openAt = dto.openAt ? new Date(dto.openAt) : null;
    const closeAt = dto.closeAt ? new Date(dto.closeAt) : null;
    if (openAt && closeAt && closeAt <= openAt) {
      throw new DomainError('QUIZ_SETTINGS_INVALID', 'closeAt must be after openAt', {
        field: 'closeAt',
      });
    }
    await this.assertSelectionExists(dto, courseId);
    const options: QuizOptions = {
      selection:
        dto.selection.mode === 'fixed'
          ? { mode: 'fixed', questionIds: dto.selection.questionIds ?? [] }
          : {
              mode: 'random',
              draws: (dto.selection.draws ?? []).map((d) => ({
                categoryId: d.categoryId,
                count: d.count,
              })),
            },
      shuffleQuestions: dto.shuffleQuestions ?? false,
      shuffleAnswers: dto.shuffleAnswers ?? true,
      review: dto.review
        ? { afterSubmit: { ...dto.review.afterSubmit }, afterClose: { ...dto.review.afterClose } }
        : { afterSubmit: NO_REVIEW, afterClose: NO_REVIEW },
    };
    return {
      title: dto.title,
      timeLimitSeconds: dto.timeLimitSeconds ?? null,
      attemptsAllowed: dto.attemptsAllowed ?? null,
      passingPercent: dto.passingPercent,
      gradingMethod: dto.gradingMethod ?? 'highest',
      openAt,
      closeAt,
      options,
    };
  }

  private async assertSelectionExists(dto: QuizSettingsDto, courseId: string): Promise<void> {
    const bankId = await this.bank.bankId(courseId);
    if (dto.selection.mode === 'fixed') {
      const ids = dto.selection.questionIds ?? [];
      const [{ found }] = await this.dataSource.query(
        `SELECT count(*)::int AS found FROM questions
          WHERE bank_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL`,
        [bankId, ids],
      );
      if (found !== ids.length) {
        throw new DomainError('QUIZ_SETTINGS_INVALID', 'Some questions are not in the course bank');
      }
      return;
    }
    const draws = dto.selection.draws ?? [];
    const counts: { id: string; n: number }[] = await this.dataSource.query(
      `SELECT c.id, (SELECT count(*)::int FROM questions q
                      WHERE q.category_id = c.id AND q.deleted_at IS NULL) AS n
         FROM question_categories c WHERE c.bank_id = $1 AND c.id = ANY($2::uuid[])`,
      [bankId, draws.map((d) => d.categoryId)],
    );
    const available = new Map(counts.map((c) => [c.id, c.n]));
    const problems = draws
      .filter((d) => (available.get(d.categoryId) ?? -1) < d.count)
      .map((d) => ({
        categoryId: d.categoryId,
        wanted: d.count,
        found: available.get(d.categoryId) ?? null,
      }));
    if (problems.length) {
      throw new DomainError('QUIZ_SETTINGS_INVALID', 'Categories lack questions to draw', {
        problems,
      });
    }
  }
}

function versionOf(ref: LessonRef): AuthorQuiz['version'] {
  return { no: ref.versionNo, status: ref.versionStatus };
}

/** The quiz's settings as the author edits them (also what a publish compares). */
export function toSettingsDto(quiz: Quiz): QuizSettingsDto {
  return {
    title: quiz.title,
    selection: { ...quiz.options.selection } as QuizSettingsDto['selection'],
    shuffleQuestions: quiz.options.shuffleQuestions,
    shuffleAnswers: quiz.options.shuffleAnswers,
    timeLimitSeconds: quiz.timeLimitSeconds,
    attemptsAllowed: quiz.attemptsAllowed,
    passingPercent: quiz.passingPercent,
    gradingMethod: quiz.gradingMethod,
    openAt: quiz.openAt?.toISOString() ?? null,
    closeAt: quiz.closeAt?.toISOString() ?? null,
    review: quiz.options.review,
  };
}
