import type { EntityManager } from 'typeorm';

/** What a certificate snapshots of its learner (users) and course version (course_versions). */
export interface IssueFacts {
  name: string;
  nik: string | null;
  employee_id: string | null;
  title_id: string;
  title_en: string;
  competency_code: string;
  jp_hours: number;
  certificate_validity_months: number;
}

/** The certificates module's one read of other modules' tables, inside the issuing transaction. */
export async function readIssueFacts(
  tx: EntityManager,
  userId: string,
  courseVersionId: string,
): Promise<IssueFacts> {
  const rows: IssueFacts[] = await tx.query(
    `SELECT u.name, u.nik, u.employee_id, cv.title_id, cv.title_en, cv.competency_code,
            cv.jp_hours, cv.certificate_validity_months
     FROM users u CROSS JOIN course_versions cv WHERE u.id = $1 AND cv.id = $2`,
    [userId, courseVersionId],
  );
  if (rows.length === 0) throw new Error(`No user ${userId} or course version ${courseVersionId}`);
  return rows[0];
}
