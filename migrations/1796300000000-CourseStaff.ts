import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who may act on a course as an instructor: its owner and co-instructors. */
export class CourseStaff1796300000000 implements MigrationInterface {
  name = 'CourseStaff1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."course_staff_role" AS ENUM('owner', 'co_instructor')`,
    );
    await queryRunner.query(
      `CREATE TABLE "course_staff" ("course_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."course_staff_role" NOT NULL, "added_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_course_staff" PRIMARY KEY ("course_id", "user_id"), CONSTRAINT "FK_course_staff_course" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE, CONSTRAINT "FK_course_staff_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_course_staff_user" ON "course_staff" ("user_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_course_staff_owner" ON "course_staff" ("course_id") WHERE role = 'owner'`,
    );
    await queryRunner.query(
      `INSERT INTO "course_staff" ("course_id", "user_id", "role", "added_by_id", "created_at")
       SELECT c.id, c.created_by_id, 'owner', c.created_by_id, c.created_at
         FROM "courses" c JOIN "users" u ON u.id = c.created_by_id
       ON CONFLICT DO NOTHING`,
    );
    // Every course has its creator as owner, whichever path inserts it (API, seed, fixtures).
    await queryRunner.query(
      `CREATE FUNCTION course_staff_add_owner() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO course_staff (course_id, user_id, role, added_by_id)
         VALUES (NEW.id, NEW.created_by_id, 'owner', NEW.created_by_id) ON CONFLICT DO NOTHING;
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER trg_courses_owner_staff AFTER INSERT ON courses
       FOR EACH ROW EXECUTE FUNCTION course_staff_add_owner()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_courses_owner_staff ON courses`);
    await queryRunner.query(`DROP FUNCTION course_staff_add_owner()`);
    await queryRunner.query(`DROP TABLE "course_staff"`);
    await queryRunner.query(`DROP TYPE "public"."course_staff_role"`);
  }
}
