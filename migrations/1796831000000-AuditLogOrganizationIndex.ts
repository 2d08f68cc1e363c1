import { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin audit-log viewer filters by organization, newest first. */
export class AuditLogOrganizationIndex1796831000000 implements MigrationInterface {
  name = 'AuditLogOrganizationIndex1796831000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_organization_recent" ON "audit_log" ("organization_id", "created_at", "id") WHERE "organization_id" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_audit_log_organization_recent"`);
  }
}
