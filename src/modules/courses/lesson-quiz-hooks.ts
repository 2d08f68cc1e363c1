import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DiffQuiz } from './domain/publish-diff';

/** A quiz lesson of the version a new draft is copied from, and its copy in the draft. */
export interface DraftQuizCopy {
  quizId: string;
  draftLessonId: string;
}

export interface LessonQuizHandlers {
  /** Copies each quiz for its draft lesson in `tx`; returns the new quiz id by draft lesson id. */
  copyForDraft(copies: readonly DraftQuizCopy[], tx: EntityManager): Promise<Map<string, string>>;
  /** The quizzes as the publish preview compares them, by quiz id. */
  diffSides(quizIds: readonly string[]): Promise<Map<string, DiffQuiz>>;
}

/**
 * Quizzes are versioned with the course: the quizzes module plugs in here how a new draft gets
 * its own copy of each quiz and how a quiz is compared at publish, so this module never touches
 * the quizzes' table and does not depend on the quizzes module.
 */
@Injectable()
export class LessonQuizHooks {
  private handlers: LessonQuizHandlers | null = null;

  provide(handlers: LessonQuizHandlers): void {
    this.handlers = handlers;
  }

  async copyForDraft(
    copies: readonly DraftQuizCopy[],
    tx: EntityManager,
  ): Promise<Map<string, string>> {
    if (!this.handlers || copies.length === 0) return new Map();
    return this.handlers.copyForDraft(copies, tx);
  }

  async diffSides(quizIds: readonly string[]): Promise<Map<string, DiffQuiz>> {
    if (!this.handlers || quizIds.length === 0) return new Map();
    return this.handlers.diffSides(quizIds);
  }
}
