import { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin audit-log viewer pages newest first by (created_at, id); filters narrow that walk. */
export class AuditLogRecentIndex1796800000000 implements MigrationInterface {
  name = 'AuditLogRecentIndex1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_recent" ON "audit_log" ("created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_actor_recent" ON "audit_log" ("actor_id", "created_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_audit_log_actor_recent"`);
    await queryRunner.query(`DROP INDEX "ix_audit_log_recent"`);
  }
}
