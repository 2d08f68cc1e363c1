import { MigrationInterface, QueryRunner } from 'typeorm';

/** Gives each draft lesson that shares a frozen version's quiz its own copy (same key). */
export const FORK_SHARED_DRAFT_QUIZZES = `WITH shared AS (
    SELECT l.id AS draft_lesson_id, q.*
      FROM "lessons" l
      JOIN "course_versions" v ON v.id = l.course_version_id AND v.status = 'draft'
      JOIN "quizzes" q ON q.id = l.quiz_id
     WHERE q.lesson_id <> l.id),
  copies AS (
    INSERT INTO "quizzes" ("lesson_id", "course_id", "quiz_key", "title", "time_limit_seconds",
                           "attempts_allowed", "passing_percent", "grading_method", "open_at",
                           "close_at", "options")
    SELECT draft_lesson_id, course_id, quiz_key, title, time_limit_seconds, attempts_allowed,
           passing_percent, grading_method, open_at, close_at, options
      FROM shared
    RETURNING id, lesson_id)
  UPDATE "lessons" l SET "quiz_id" = c.id FROM copies c WHERE l.id = c.lesson_id`;

/**
 * Quizzes are versioned with their course: a new draft gets its own copy of each quiz, with the
 * same `quiz_key`, so editing the draft's quiz no longer changes the published version. Drafts
 * that already share a quiz with a frozen version get their copy here; the frozen versions keep
 * the quiz (and its attempts) they had.
 */
export class QuizzesVersionedWithCourse1796840000000 implements MigrationInterface {
  name = 'QuizzesVersionedWithCourse1796840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "quizzes" ADD "quiz_key" uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(FORK_SHARED_DRAFT_QUIZZES);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quizzes" DROP COLUMN "quiz_key"`);
  }
}
