import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subject of the certificate that signed the PDF, recorded by the render worker in the
 * UPDATE that marks the certificate issued. NULL for certificates issued before it was recorded:
 * the pages then claim no signer.
 */
export class CertificatePdfSigner1796780000000 implements MigrationInterface {
  name = 'CertificatePdfSigner1796780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" ADD "pdf_signer_subject" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificates" DROP COLUMN "pdf_signer_subject"`);
  }
}
