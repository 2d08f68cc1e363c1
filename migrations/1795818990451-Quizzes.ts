import { MigrationInterface, QueryRunner } from 'typeorm';

export class Quizzes1795818990451 implements MigrationInterface {
  name = 'Quizzes1795818990451';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "question_banks" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, CONSTRAINT "PK_3127eb30f219cd0d40478ec5964" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_banks_course" ON "question_banks"  ("course_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "question_categories" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "bank_id" uuid NOT NULL, "name" character varying(500) NOT NULL, CONSTRAINT "PK_c4f3431b15f8c8c2e9bf8e489e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_categories_name" ON "question_categories"  ("bank_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "questions" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "bank_id" uuid NOT NULL, "seq" SERIAL NOT NULL, "category_id" uuid, "tags" text array NOT NULL DEFAULT '{}', "current_version_id" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_questions_category" ON "questions"  ("category_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_questions_bank" ON "questions"  ("bank_id", "seq") `);
    await queryRunner.query(
      `CREATE TYPE "public"."question_type" AS ENUM('single_choice', 'multiple_choice', 'true_false', 'short_answer', 'numerical', 'matching', 'essay', 'description')`,
    );
    await queryRunner.query(
      `CREATE TABLE "question_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "version_no" integer NOT NULL, "type" "public"."question_type" NOT NULL, "title" character varying(300), "text" text NOT NULL, "text_format" character varying(16) NOT NULL DEFAULT 'markdown', "general_feedback" text, "default_mark_hundredths" integer NOT NULL, "spec" jsonb NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_cf0e5fdf563f7d8286f7d8e68ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_question_versions_no" ON "question_versions"  ("question_id", "version_no") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."quiz_grading_method" AS ENUM('highest', 'last')`,
    );
    await queryRunner.query(
      `CREATE TABLE "quizzes" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "lesson_id" uuid NOT NULL, "course_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "time_limit_seconds" integer, "attempts_allowed" integer, "passing_percent" integer NOT NULL, "grading_method" "public"."quiz_grading_method" NOT NULL DEFAULT 'highest', "open_at" TIMESTAMP WITH TIME ZONE, "close_at" TIMESTAMP WITH TIME ZONE, "options" jsonb NOT NULL, CONSTRAINT "PK_b24f0f7662cf6b3a0e7dba0a1b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_quizzes_lesson" ON "quizzes"  ("lesson_id") `);
    await queryRunner.query(`CREATE INDEX "ix_quizzes_course" ON "quizzes"  ("course_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."quiz_attempt_status" AS ENUM('open', 'submitted', 'needs_grading', 'graded')`,
    );
    await queryRunner.query(
      `CREATE TABLE "quiz_attempts" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "quiz_id" uuid NOT NULL, "user_id" uuid NOT NULL, "enrollment_id" uuid NOT NULL, "attempt_no" integer NOT NULL, "status" "public"."quiz_attempt_status" NOT NULL DEFAULT 'open', "questions" jsonb NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "score_hundredths" integer, "max_score_hundredths" integer, "percent_hundredths" integer, "passed" boolean, CONSTRAINT "PK_a84a93fb092359516dc5b325b90" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_quiz_attempts_deadline" ON "quiz_attempts"  ("deadline") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_quiz_attempts_user" ON "quiz_attempts"  ("quiz_id", "user_id", "attempt_no") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quiz_attempts_open" ON "quiz_attempts"  ("quiz_id", "user_id") WHERE status = 'open'`,
    );
    await queryRunner.query(
      `CREATE TABLE "quiz_attempt_answers" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "attempt_id" uuid NOT NULL, "question_version_id" uuid NOT NULL, "response" jsonb NOT NULL, "mark_hundredths" integer, "grader_comment" text, "graded_by_id" uuid, CONSTRAINT "PK_876afc52bb7dd208ae7ce3ec6ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_quiz_attempt_answers" ON "quiz_attempt_answers"  ("attempt_id", "question_version_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "question_banks" ADD CONSTRAINT "FK_7d20287969ff1fbea50cdc1b627" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_categories" ADD CONSTRAINT "FK_ca6e38eb327af56e78781aec8a3" FOREIGN KEY ("bank_id") REFERENCES "question_banks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "questions" ADD CONSTRAINT "FK_57075507ed2065392bfa631bd93" FOREIGN KEY ("bank_id") REFERENCES "question_banks"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "questions" ADD CONSTRAINT "FK_6004e23393f2a8efe414480b75d" FOREIGN KEY ("category_id") REFERENCES "question_categories"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_versions" ADD CONSTRAINT "FK_9c563964fa0634f79052ed9eeb9" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_a720e260138b64fcff2fca19b2d" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt_answers" ADD CONSTRAINT "FK_5637534756d07a1f243d1517c10" FOREIGN KEY ("attempt_id") REFERENCES "quiz_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt_answers" ADD CONSTRAINT "FK_50a9735ca6ef7d65917c4cd06a2" FOREIGN KEY ("question_version_id") REFERENCES "question_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt_answers" DROP CONSTRAINT "FK_50a9735ca6ef7d65917c4cd06a2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempt_answers" DROP CONSTRAINT "FK_5637534756d07a1f243d1517c10"`,
    );
    await queryRunner.query(
      `ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_a720e260138b64fcff2fca19b2d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_versions" DROP CONSTRAINT "FK_9c563964fa0634f79052ed9eeb9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "questions" DROP CONSTRAINT "FK_6004e23393f2a8efe414480b75d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "questions" DROP CONSTRAINT "FK_57075507ed2065392bfa631bd93"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_categories" DROP CONSTRAINT "FK_ca6e38eb327af56e78781aec8a3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "question_banks" DROP CONSTRAINT "FK_7d20287969ff1fbea50cdc1b627"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_quiz_attempt_answers"`);
    await queryRunner.query(`DROP TABLE "quiz_attempt_answers"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quiz_attempts_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quiz_attempts_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quiz_attempts_deadline"`);
    await queryRunner.query(`DROP TABLE "quiz_attempts"`);
    await queryRunner.query(`DROP TYPE "public"."quiz_attempt_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_quizzes_course"`);
    await queryRunner.query(`DROP INDEX "public"."uq_quizzes_lesson"`);
    await queryRunner.query(`DROP TABLE "quizzes"`);
    await queryRunner.query(`DROP TYPE "public"."quiz_grading_method"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_versions_no"`);
    await queryRunner.query(`DROP TABLE "question_versions"`);
    await queryRunner.query(`DROP TYPE "public"."question_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_questions_bank"`);
    await queryRunner.query(`DROP INDEX "public"."ix_questions_category"`);
    await queryRunner.query(`DROP TABLE "questions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_categories_name"`);
    await queryRunner.query(`DROP TABLE "question_categories"`);
    await queryRunner.query(`DROP INDEX "public"."uq_question_banks_course"`);
    await queryRunner.query(`DROP TABLE "question_banks"`);
  }
}
