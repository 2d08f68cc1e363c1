import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { DiffQuiz, DraftQuizCopy, LessonQuizHooks } from '../courses';
import { Quiz } from './entities/quiz.entity';
import { toSettingsDto } from './quizzes.service';

/** What the publish preview compares of a quiz: its settings as the author edits them. */
function quizDiffSide(quiz: Quiz): DiffQuiz {
  const { selection, ...settings } = toSettingsDto(quiz);
  // toSettingsDto fills every field; the DTO only types them optional for PATCH.
  return {
    key: quiz.quizKey,
    settings: { ...settings, questions: selection } as DiffQuiz['settings'],
  };
}

/** Plugs quizzes into course versioning: each new draft gets its own copy of every quiz. */
@Injectable()
export class QuizCourseVersions implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hooks: LessonQuizHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.provide({
      copyForDraft: (copies, tx) => this.copyForDraft(copies, tx),
      diffSides: (quizIds) => this.diffSides(quizIds),
    });
  }

  private async copyForDraft(
    copies: readonly DraftQuizCopy[],
    tx: EntityManager,
  ): Promise<Map<string, string>> {
    const rows: { id: string; lesson_id: string }[] = await tx.query(
      `INSERT INTO quizzes (lesson_id, course_id, quiz_key, title, time_limit_seconds,
                            attempts_allowed, passing_percent, grading_method, open_at, close_at,
                            options)
       SELECT c.lesson_id, q.course_id, q.quiz_key, q.title, q.time_limit_seconds,
              q.attempts_allowed, q.passing_percent, q.grading_method, q.open_at, q.close_at,
              q.options
         FROM unnest($1::uuid[], $2::uuid[]) AS c(quiz_id, lesson_id)
         JOIN quizzes q ON q.id = c.quiz_id
       RETURNING id, lesson_id`,
      [copies.map((c) => c.quizId), copies.map((c) => c.draftLessonId)],
    );
    return new Map(rows.map((r) => [r.lesson_id, r.id]));
  }

  private async diffSides(quizIds: readonly string[]): Promise<Map<string, DiffQuiz>> {
    const quizzes = await this.dataSource.manager.findBy(Quiz, { id: In([...quizIds]) });
    return new Map(quizzes.map((q) => [q.id, quizDiffSide(q)]));
  }
}
