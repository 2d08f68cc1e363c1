import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stable identity for modules and lessons across a course's versions: a new draft copies the
 * keys, a new module or lesson gets a fresh one. The publish preview compares a draft with the
 * published version by these keys. Rows from before the keys existed are matched by position
 * (course, module position, lesson position), the best that can be recovered.
 */
export class LessonKeys1796820000000 implements MigrationInterface {
  name = 'LessonKeys1796820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "course_modules" ADD "module_key" uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(
      `ALTER TABLE "lessons" ADD "lesson_key" uuid NOT NULL DEFAULT gen_random_uuid()`,
    );
    await queryRunner.query(
      `UPDATE "course_modules" m SET "module_key" = k.key
         FROM (SELECT m.id, first_value(m.id) OVER (
                 PARTITION BY v.course_id, m.position ORDER BY v.version_no) AS key
                 FROM "course_modules" m JOIN "course_versions" v ON v.id = m.course_version_id) k
        WHERE k.id = m.id`,
    );
    await queryRunner.query(
      `UPDATE "lessons" l SET "lesson_key" = k.key
         FROM (SELECT l.id, first_value(l.id) OVER (
                 PARTITION BY v.course_id, m.position, l.position ORDER BY v.version_no) AS key
                 FROM "lessons" l
                 JOIN "course_modules" m ON m.id = l.module_id
                 JOIN "course_versions" v ON v.id = l.course_version_id) k
        WHERE k.id = l.id`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lessons" DROP COLUMN "lesson_key"`);
    await queryRunner.query(`ALTER TABLE "course_modules" DROP COLUMN "module_key"`);
  }
}
