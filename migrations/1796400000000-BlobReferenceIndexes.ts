import { MigrationInterface, QueryRunner } from 'typeorm';

/** The orphan-blob sweep looks keys up by the columns that reference them. */
export class BlobReferenceIndexes1796400000000 implements MigrationInterface {
  name = 'BlobReferenceIndexes1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_certificates_storage_key" ON "certificates" ("storage_key") WHERE storage_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_lessons_file_key" ON "lessons" ((content->'file'->>'key'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_lessons_file_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificates_storage_key"`);
  }
}
