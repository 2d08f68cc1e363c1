import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every certificate gets its Open Badges status-list index once, from a sequence (unique, gaps
 * allowed). The revocation bit is derived from `status = 'revoked'`, so revoking sets it in the
 * same transaction.
 */
export class CertificateStatusListIndex1796750000000 implements MigrationInterface {
  name = 'CertificateStatusListIndex1796750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE SEQUENCE "certificate_status_list_index_seq" MINVALUE 0 START 0`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificates" ADD "status_list_index" integer NOT NULL DEFAULT nextval('certificate_status_list_index_seq')`,
    );
    await queryRunner.query(
      `ALTER SEQUENCE "certificate_status_list_index_seq" OWNED BY "certificates"."status_list_index"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_certificates_status_list_index" ON "certificates" ("status_list_index")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_certificates_status_list_index"`);
    await queryRunner.query(`ALTER TABLE "certificates" DROP COLUMN "status_list_index"`);
  }
}
