import { MigrationInterface, QueryRunner } from 'typeorm';

export class CoursesEnrollmentsProgress1795817208967 implements MigrationInterface {
  name = 'CoursesEnrollmentsProgress1795817208967';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "courses" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(32) NOT NULL, "created_by_id" uuid NOT NULL, CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_courses_code" ON "courses"  ("code") `);
    await queryRunner.query(
      `CREATE TYPE "public"."course_version_status" AS ENUM('draft', 'published', 'superseded', 'archived')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."course_enrollment_mode" AS ENUM('open', 'assigned')`,
    );
    await queryRunner.query(
      `CREATE TABLE "course_versions" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "version_no" integer NOT NULL, "status" "public"."course_version_status" NOT NULL, "title_id" character varying(300) NOT NULL, "title_en" character varying(300) NOT NULL, "description_id" text NOT NULL DEFAULT '', "description_en" text NOT NULL DEFAULT '', "competency_code" character varying(32) NOT NULL, "jp_hours" integer NOT NULL, "certificate_validity_months" integer NOT NULL DEFAULT '0', "language" character varying(2) NOT NULL DEFAULT 'id', "tags" text array NOT NULL DEFAULT '{}', "enrollment_mode" "public"."course_enrollment_mode" NOT NULL DEFAULT 'open', "sequential" boolean NOT NULL DEFAULT false, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc9e77578136a62e599f33d15ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_versions_one_published" ON "course_versions"  ("course_id") WHERE status = 'published'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_versions_one_draft" ON "course_versions"  ("course_id") WHERE status = 'draft'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_versions_no" ON "course_versions"  ("course_id", "version_no") `,
    );
    await queryRunner.query(
      `CREATE TABLE "course_modules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_version_id" uuid NOT NULL, "position" integer NOT NULL, "title_id" character varying(300) NOT NULL, "title_en" character varying(300) NOT NULL, CONSTRAINT "PK_4c195db0718e8845a6e09075ebc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_course_modules_version" ON "course_modules"  ("course_version_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."lesson_type" AS ENUM('text', 'video', 'file', 'quiz')`,
    );
    await queryRunner.query(
      `CREATE TABLE "lessons" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_version_id" uuid NOT NULL, "module_id" uuid NOT NULL, "position" integer NOT NULL, "type" "public"."lesson_type" NOT NULL, "title_id" character varying(300) NOT NULL, "title_en" character varying(300) NOT NULL, "required" boolean NOT NULL DEFAULT true, "min_seconds" integer, "content" jsonb NOT NULL DEFAULT '{}'::jsonb, "quiz_id" uuid, CONSTRAINT "PK_9b9a8d455cac672d262d7275730" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_lessons_module" ON "lessons"  ("module_id", "position") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_lessons_version" ON "lessons"  ("course_version_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."enrollment_status" AS ENUM('not_started', 'in_progress', 'completed', 'withdrawn')`,
    );
    await queryRunner.query(
      `CREATE TABLE "enrollments" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "organization_id" uuid, "course_id" uuid NOT NULL, "course_version_id" uuid NOT NULL, "status" "public"."enrollment_status" NOT NULL DEFAULT 'not_started', "due_at" TIMESTAMP WITH TIME ZONE, "assigned_by_id" uuid, "started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "last_activity_at" TIMESTAMP WITH TIME ZONE, "time_spent_seconds" integer NOT NULL DEFAULT '0', "percent" integer NOT NULL DEFAULT '0', "renewal_of_certificate_id" uuid, CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_enrollments_course" ON "enrollments"  ("course_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_enrollments_org_user" ON "enrollments"  ("organization_id", "user_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_enrollments_user" ON "enrollments"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_enrollments_active" ON "enrollments"  ("user_id", "course_id") WHERE status IN ('not_started', 'in_progress')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."lesson_progress_status" AS ENUM('in_progress', 'completed')`,
    );
    await queryRunner.query(
      `CREATE TABLE "lesson_progress" ("enrollment_id" uuid NOT NULL, "lesson_id" uuid NOT NULL, "status" "public"."lesson_progress_status" NOT NULL DEFAULT 'in_progress', "time_spent_seconds" integer NOT NULL DEFAULT '0', "last_heartbeat_at" TIMESTAMP WITH TIME ZONE, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_db0cdb221e98de3ff32470ecfed" PRIMARY KEY ("enrollment_id", "lesson_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_events_pending" ON "outbox_events"  ("created_at") WHERE processed_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_versions" ADD CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_modules" ADD CONSTRAINT "FK_649e45b85bfeca7a3623379a093" FOREIGN KEY ("course_version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD CONSTRAINT "FK_352dd517da98aae70cdf516819a" FOREIGN KEY ("course_version_id") REFERENCES "course_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD CONSTRAINT "FK_35fb2307535d90a6ed290af1f4a" FOREIGN KEY ("module_id") REFERENCES "course_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "FK_b79d0bf01779fdf9cfb6b092af3" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" ADD CONSTRAINT "FK_57e2e99c9fd1d6971f033c3795c" FOREIGN KEY ("course_version_id") REFERENCES "course_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_progress" ADD CONSTRAINT "FK_2374c15822383f7e5362e27d417" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_progress" ADD CONSTRAINT "FK_980e74721039ebe210fee2eeca2" FOREIGN KEY ("lesson_id") REFERENCES "lessons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_980e74721039ebe210fee2eeca2"`,
    );
    await queryRunner.query(
      `ALTER TABLE "lesson_progress" DROP CONSTRAINT "FK_2374c15822383f7e5362e27d417"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" DROP CONSTRAINT "FK_57e2e99c9fd1d6971f033c3795c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" DROP CONSTRAINT "FK_b79d0bf01779fdf9cfb6b092af3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "enrollments" DROP CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" DROP CONSTRAINT "FK_35fb2307535d90a6ed290af1f4a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" DROP CONSTRAINT "FK_352dd517da98aae70cdf516819a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_modules" DROP CONSTRAINT "FK_649e45b85bfeca7a3623379a093"`,
    );
    await queryRunner.query(
      `ALTER TABLE "course_versions" DROP CONSTRAINT "FK_34cbd320b458b8cf9e0d580304e"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_events_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
    await queryRunner.query(`DROP TABLE "lesson_progress"`);
    await queryRunner.query(`DROP TYPE "public"."lesson_progress_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_enrollments_active"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrollments_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrollments_org_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_enrollments_course"`);
    await queryRunner.query(`DROP TABLE "enrollments"`);
    await queryRunner.query(`DROP TYPE "public"."enrollment_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lessons_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_lessons_module"`);
    await queryRunner.query(`DROP TABLE "lessons"`);
    await queryRunner.query(`DROP TYPE "public"."lesson_type"`);
    await queryRunner.query(`DROP INDEX "public"."ix_course_modules_version"`);
    await queryRunner.query(`DROP TABLE "course_modules"`);
    await queryRunner.query(`DROP INDEX "public"."uq_course_versions_no"`);
    await queryRunner.query(`DROP INDEX "public"."uq_course_versions_one_draft"`);
    await queryRunner.query(`DROP INDEX "public"."uq_course_versions_one_published"`);
    await queryRunner.query(`DROP TABLE "course_versions"`);
    await queryRunner.query(`DROP TYPE "public"."course_enrollment_mode"`);
    await queryRunner.query(`DROP TYPE "public"."course_version_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_courses_code"`);
    await queryRunner.query(`DROP TABLE "courses"`);
  }
}
