import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795817541264 implements MigrationInterface {
  name = 'Notifications1795817541264';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "course_notification_settings" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "course_id" uuid NOT NULL, "inactivity_days" integer, CONSTRAINT "PK_c75e3258f9c14313daefb8b3c89" PRIMARY KEY ("course_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_outbox" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "recipient" character varying(254) NOT NULL, "template" character varying(64) NOT NULL, "locale" character varying(2) NOT NULL, "category" character varying(32) NOT NULL, "data" jsonb NOT NULL, "attachments" jsonb, "status" character varying(16) NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "last_error" character varying(1000), "idempotency_key" character varying(200) NOT NULL, "message_id" character varying(300), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b6fbfc201f705fbf1ac87bd7197" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_email_outbox_idempotency_key" ON "email_outbox"  ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_outbox_recipient" ON "email_outbox"  ("recipient", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_outbox_pending" ON "email_outbox"  ("updated_at") WHERE status IN ('queued', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_outbox_created" ON "email_outbox"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "email_suppressions" ("email" character varying(254) NOT NULL, "reason" character varying(500) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3ed491e8d519ee5f72bf09fc69c" PRIMARY KEY ("email"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "category" character varying(32) NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5906e7816659c2d55066f409bff" PRIMARY KEY ("user_id", "category"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP TABLE "email_suppressions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_outbox_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_outbox_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_email_outbox_recipient"`);
    await queryRunner.query(`DROP INDEX "public"."uq_email_outbox_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "email_outbox"`);
    await queryRunner.query(`DROP TABLE "course_notification_settings"`);
  }
}
