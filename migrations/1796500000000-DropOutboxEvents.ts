import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `outbox_events` was written on completion and certificate creation but never read: the
 * after-commit enqueue plus the pending-row sweepers (certificates, email_outbox, quiz
 * attempts) already deliver at least once, so the table goes.
 */
export class DropOutboxEvents1796500000000 implements MigrationInterface {
  name = 'DropOutboxEvents1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_events_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_events"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "outbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_events_pending" ON "outbox_events"  ("created_at") WHERE processed_at IS NULL`,
    );
  }
}
