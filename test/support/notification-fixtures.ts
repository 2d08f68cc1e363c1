import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

type Db = Pick<DataSource, 'query'>;

/** A course with one published version (titles in both languages). */
export async function seedCourse(
  db: Db,
  createdById: string,
  title = 'K3 Listrik',
): Promise<{ courseId: string; versionId: string }> {
  const code = `N${randomBytes(4).toString('hex').toUpperCase()}`;
  const [course] = (await db.query(
    'INSERT INTO courses (code, created_by_id) VALUES ($1, $2) RETURNING id',
    [code, createdById],
  )) as { id: string }[];
  const [version] = (await db.query(
    `INSERT INTO course_versions (course_id, version_no, status, title_id, title_en, competency_code, jp_hours)
     VALUES ($1, 1, 'published', $2, $3, 'K3-01', 8) RETURNING id`,
    [course.id, `${title} (ID)`, `${title} (EN)`],
  )) as { id: string }[];
  return { courseId: course.id, versionId: version.id };
}

export async function seedEnrollment(
  db: Db,
  e: {
    userId: string;
    organizationId: string | null;
    course: { courseId: string; versionId: string };
    dueAt: Date | null;
    lastActivityAt: Date;
    status?: string;
  },
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id, status, due_at, last_activity_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      e.userId,
      e.organizationId,
      e.course.courseId,
      e.course.versionId,
      e.status ?? 'in_progress',
      e.dueAt,
      e.lastActivityAt,
    ],
  )) as { id: string }[];
  return row.id;
}

export async function seedCertificate(
  db: Db,
  c: {
    enrollmentId: string;
    userId: string;
    organizationId: string | null;
    course: { courseId: string; versionId: string };
    expiresAt: Date;
    number?: string;
  },
): Promise<string> {
  const [row] = (await db.query(
    `INSERT INTO certificates (enrollment_id, user_id, organization_id, course_id, course_version_id,
        number, verification_code, status, completed_at, issued_at, expires_at, learner_name,
        course_title_id, course_title_en, competency_code, jp_hours)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'issued', now(), now(), $8, 'Learner',
        'Sertifikat K3', 'K3 Certificate', 'K3-01', 8) RETURNING id`,
    [
      c.enrollmentId,
      c.userId,
      c.organizationId,
      c.course.courseId,
      c.course.versionId,
      c.number ?? `K3/${randomBytes(3).toString('hex')}`,
      randomBytes(10).toString('hex').toUpperCase(),
      c.expiresAt,
    ],
  )) as { id: string }[];
  return row.id;
}
