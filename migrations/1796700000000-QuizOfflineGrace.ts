import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Answers given offline before the deadline but delivered after it: an attempt accepts them
 * until `grace_until` (deadline + QUIZ_OFFLINE_GRACE_SECONDS, fixed at start), and each answer
 * keeps the time it was given (`answered_at`, never later than its arrival), which grading uses.
 */
export class QuizOfflineGrace1796700000000 implements MigrationInterface {
  name = 'QuizOfflineGrace1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "quiz_attempts" ADD "grace_until" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`UPDATE "quiz_attempts" SET "grace_until" = "deadline"`);
    await queryRunner.query(
      `CREATE INDEX "ix_quiz_attempts_grace_until" ON "quiz_attempts" ("grace_until") WHERE status = 'open'`,
    );
    await queryRunner.query(`DROP INDEX "ix_quiz_attempts_deadline"`);
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt_answers" ADD "answered_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`UPDATE "quiz_attempt_answers" SET "answered_at" = "updated_at"`);
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt_answers" ALTER COLUMN "answered_at" SET NOT NULL, ALTER COLUMN "answered_at" SET DEFAULT now()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quiz_attempt_answers" DROP COLUMN "answered_at"`);
    await queryRunner.query(
      `CREATE INDEX "ix_quiz_attempts_deadline" ON "quiz_attempts" ("deadline") WHERE status = 'open'`,
    );
    await queryRunner.query(`DROP INDEX "ix_quiz_attempts_grace_until"`);
    await queryRunner.query(`ALTER TABLE "quiz_attempts" DROP COLUMN "grace_until"`);
  }
}
