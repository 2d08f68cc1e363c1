import { MigrationInterface, QueryRunner } from 'typeorm';

export class Certificates1795817636683 implements MigrationInterface {
  name = 'Certificates1795817636683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certificate_sequences" ("competency_code" character varying(32) NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_d3fda54f4799e596c30ec7d45e1" PRIMARY KEY ("competency_code", "year"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."certificate_status" AS ENUM('pending', 'issued', 'failed', 'revoked', 'superseded')`,
    );
    await queryRunner.query(
      `CREATE TABLE "certificates" ("created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "id" uuid NOT NULL DEFAULT gen_random_uuid(), "enrollment_id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "user_id" uuid NOT NULL, "organization_id" uuid, "course_id" uuid NOT NULL, "course_version_id" uuid NOT NULL, "number" character varying(64) NOT NULL, "verification_code" character varying(32) NOT NULL, "status" "public"."certificate_status" NOT NULL DEFAULT 'pending', "failure_reason" character varying(1000), "attempts" integer NOT NULL DEFAULT '0', "storage_key" character varying(512), "sha256" character(64), "byte_size" integer, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(500), "revoked_by_id" uuid, "superseded_by_id" uuid, "superseded_reason" character varying(16), "superseded_at" TIMESTAMP WITH TIME ZONE, "renews_certificate_id" uuid, "learner_name" character varying(200) NOT NULL, "learner_id_kind" character varying(16), "learner_id_value" character varying(64), "course_title_id" character varying(300) NOT NULL, "course_title_en" character varying(300) NOT NULL, "competency_code" character varying(32) NOT NULL, "jp_hours" integer NOT NULL, CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificates_verification_code" ON "certificates"  ("verification_code") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_certificates_sha256" ON "certificates"  ("sha256") `);
    await queryRunner.query(
      `CREATE INDEX "ix_certificates_pending" ON "certificates"  ("updated_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_certificates_user_created" ON "certificates"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_certificates_org_created" ON "certificates"  ("organization_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificates_number_version" ON "certificates"  ("number", "version") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificates_enrollment_current" ON "certificates"  ("enrollment_id") WHERE superseded_by_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificates_enrollment_version" ON "certificates"  ("enrollment_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_f0f3773b2ccb7811da9ccd63d94" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD CONSTRAINT "FK_bdfe3bffc137ae7204afe8ace86" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "certificates" DROP CONSTRAINT "FK_bdfe3bffc137ae7204afe8ace86"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" DROP CONSTRAINT "FK_f0f3773b2ccb7811da9ccd63d94"`,
    );
    await queryRunner.query(`DROP INDEX "public"."uq_certificates_enrollment_version"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificates_enrollment_current"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificates_number_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificates_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificates_user_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificates_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificates_sha256"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificates_verification_code"`);
    await queryRunner.query(`DROP TABLE "certificates"`);
    await queryRunner.query(`DROP TYPE "public"."certificate_status"`);
    await queryRunner.query(`DROP TABLE "certificate_sequences"`);
  }
}
