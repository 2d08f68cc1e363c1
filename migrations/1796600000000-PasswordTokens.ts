import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time set-password links (invitation) and reset links. Only SHA-256 of the token is kept;
 * at most one unused token per user and purpose (issuing a new one deletes the old one).
 */
export class PasswordTokens1796600000000 implements MigrationInterface {
  name = 'PasswordTokens1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" character varying(16) NOT NULL,
        "token_hash" character(64) NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_by" uuid,
        CONSTRAINT "pk_password_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "ck_password_tokens_purpose" CHECK ("purpose" IN ('invite', 'reset')),
        CONSTRAINT "uq_password_tokens_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_password_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
        CONSTRAINT "fk_password_tokens_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL
      )`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_password_tokens_live" ON "password_tokens" ("user_id", "purpose") WHERE used_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "password_tokens"`);
  }
}
