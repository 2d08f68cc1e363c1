import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The certificate number is assigned by the render worker in a short transaction of its own,
 * not in the completion transaction: the gap-free counter row is then locked for milliseconds
 * instead of for the rest of every completion. A `pending` certificate may have no number yet.
 */
export class CertificateNumberAtRender1796810000000 implements MigrationInterface {
  name = 'CertificateNumberAtRender1796810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" ALTER COLUMN "number" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "certificates" SET "number" = 'UNNUMBERED-' || "id" WHERE "number" IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "certificates" ALTER COLUMN "number" SET NOT NULL`);
  }
}
