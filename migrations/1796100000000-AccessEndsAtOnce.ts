import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `users.token_version`: access tokens carry the version they were signed with; deactivation
 * and password changes bump it, so every token issued before is refused on its next request.
 * The partial index serves the "sessions revoked recently" lookup of the access check.
 */
export class AccessEndsAtOnce1796100000000 implements MigrationInterface {
  name = 'AccessEndsAtOnce1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_user_revoked" ON "refresh_tokens" ("user_id", "revoked_at") WHERE revoked_at IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_tokens_user_revoked"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
