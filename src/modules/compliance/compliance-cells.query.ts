import {
  cellFactsSql,
  cellStateSql,
  cellValidUntilSql,
  EXPIRING_BUCKETS_DAYS,
} from './domain/compliance-cell';

const NOW = '$2::timestamptz';
const { certificateAggregates, enrollmentAggregates } = cellFactsSql(NOW);

/** The active learners of organization $1 matching `employeeFilter` (over `users u`). */
const employeesOf = (employeeFilter = 'true') => `
  emp AS (SELECT id FROM users u
           WHERE organization_id = $1 AND role = 'learner' AND is_active AND ${employeeFilter})`;

/**
 * CTE `${name}`: every (employee, competency) cell with any fact, for the employees of CTE
 * `people` (a column `id`) at time $2: certificates carry their competency code, enrollments
 * take it from their course version. A reporting read model over certificates, enrollments,
 * course_versions and users (see docs/architecture.md, "Reporting read models").
 */
const cellsOver = (people: string, name = 'cells') => `
  ${name}_ca AS (SELECT c.user_id, c.competency_code AS code, ${certificateAggregates}
           FROM certificates c JOIN ${people} p ON p.id = c.user_id GROUP BY 1, 2),
  ${name}_ea AS (SELECT e.user_id, cv.competency_code AS code, ${enrollmentAggregates}
           FROM enrollments e JOIN ${people} p ON p.id = e.user_id
           JOIN course_versions cv ON cv.id = e.course_version_id GROUP BY 1, 2),
  ${name}_f AS (SELECT user_id, code,
               coalesce(ca.has_valid, false) AS has_valid,
               coalesce(ca.never_expires, false) AS never_expires,
               ca.valid_until,
               coalesce(ca.has_expired, false) AS has_expired,
               coalesce(ea.has_overdue, false) AS has_overdue,
               coalesce(ea.has_open, false) AS has_open
          FROM ${name}_ca ca FULL JOIN ${name}_ea ea USING (user_id, code)),
  ${name} AS (SELECT user_id, code, ${cellStateSql(NOW)} AS state, ${cellValidUntilSql()} AS valid_until
              FROM ${name}_f f)`;

const cellsOf = (employeeFilter = 'true') => `${employeesOf(employeeFilter)},
  ${cellsOver('emp')}`;

const bucket = (days: number) =>
  `count(*) FILTER (WHERE valid_until IS NOT NULL AND valid_until <= ${NOW} + interval '${days} days')::int AS expiring_${days}`;

/** The dashboard: per competency code, how many employees' cells are in each state. */
export const COMPLIANCE_SUMMARY_SQL = `WITH ${cellsOf()},
  names AS (SELECT DISTINCT ON (competency_code) competency_code AS code, title_id, title_en
              FROM course_versions WHERE status = 'published'
             ORDER BY competency_code, published_at DESC NULLS LAST)
  SELECT cells.code, names.title_id, names.title_en,
         count(*) FILTER (WHERE state IN ('valid', 'expiring'))::int AS valid,
         ${EXPIRING_BUCKETS_DAYS.map(bucket).join(',\n         ')},
         count(*) FILTER (WHERE state = 'expired')::int AS expired,
         count(*) FILTER (WHERE state = 'in_progress')::int AS in_progress,
         count(*) FILTER (WHERE state = 'overdue')::int AS overdue
    FROM cells LEFT JOIN names ON names.code = cells.code
   GROUP BY cells.code, names.title_id, names.title_en
   ORDER BY cells.code`;

export interface SummaryRow {
  code: string;
  title_id: string | null;
  title_en: string | null;
  valid: number;
  expiring_30: number;
  expiring_60: number;
  expiring_90: number;
  expired: number;
  in_progress: number;
  overdue: number;
}

/**
 * Employees matching the matrix search $3 (a LIKE pattern with its wildcards escaped, or null):
 * name contains it, or e-mail, employee id or NIK starts with it.
 */
const MATRIX_EMPLOYEES = `($3::text IS NULL OR u.name ILIKE '%' || $3 || '%' OR u.email ILIKE $3 || '%'
     OR u.employee_id ILIKE $3 || '%' OR u.nik LIKE $3 || '%')`;
/**
 * The matrix columns: every competency any matching employee has a fact for (the codes of their
 * certificates and enrolled course versions, which are exactly the codes of their cells),
 * limited to $4 when given.
 */
const MATRIX_CODES = `codes AS (SELECT code FROM (
      SELECT c.competency_code AS code FROM certificates c JOIN emp ON emp.id = c.user_id
       GROUP BY 1
      UNION
      SELECT cv.competency_code FROM enrollments e JOIN emp ON emp.id = e.user_id
        JOIN course_versions cv ON cv.id = e.course_version_id GROUP BY 1) known
    WHERE $4::text[] IS NULL OR code = ANY($4::text[]))`;

/**
 * The matrix columns alone ($1 organization, $3 search, $4 codes), ordered by code. Columns do
 * not depend on the time; $2 is only typed so the filters keep the page query's positions.
 */
export const COMPLIANCE_MATRIX_CODES_SQL = `WITH ${employeesOf(MATRIX_EMPLOYEES)},
  ${MATRIX_CODES}
  SELECT code FROM codes WHERE $2::timestamptz IS NOT NULL ORDER BY code`;

/**
 * One keyset page of the matrix ($3 search pattern or null, $4 competency codes or null, $5 state
 * or null, $6 expiring within days or null, $7/$8 cursor name/id or null, $9 page size + 1):
 * employees by (name, id), each with a cell for every column of MATRIX_CODES (no facts =
 * `none`). $5 and $6 keep employees having one cell that meets both.
 *
 * Without $5 and $6 only the page's employees get their cells computed (the planner folds the
 * null parameters, so `fits` is never read); with them, every matching employee's cells are.
 */
export const COMPLIANCE_MATRIX_SQL = `WITH ${employeesOf(MATRIX_EMPLOYEES)},
  ${MATRIX_CODES},
  ${cellsOver('emp', 'every')},
  fits AS (SELECT emp.id FROM emp WHERE CASE
             WHEN $5::text = 'none' THEN $6::int IS NULL
               AND (SELECT count(*) FROM every a JOIN codes USING (code)
                     WHERE a.user_id = emp.id AND a.state <> 'none') < (SELECT count(*) FROM codes)
             ELSE EXISTS (SELECT 1 FROM every a JOIN codes USING (code)
                           WHERE a.user_id = emp.id AND ($5::text IS NULL OR a.state = $5)
                             AND ($6::int IS NULL
                                  OR a.valid_until <= ${NOW} + make_interval(days => $6::int)))
             END),
  page AS (SELECT u.id, u.name, u.email, u.employee_id, u.nik FROM users u JOIN emp ON emp.id = u.id
            WHERE ($7::text IS NULL OR (u.name, u.id) > ($7, $8::uuid))
              AND (($5::text IS NULL AND $6::int IS NULL) OR u.id IN (SELECT id FROM fits))
            ORDER BY u.name, u.id LIMIT $9),
  ${cellsOver('page')},
  grid AS (SELECT page.id AS user_id, codes.code, coalesce(cells.state, 'none') AS state,
                  cells.valid_until
             FROM page CROSS JOIN codes
             LEFT JOIN cells ON cells.user_id = page.id AND cells.code = codes.code)
  SELECT p.id, p.name, p.email, p.employee_id, p.nik,
         coalesce(jsonb_agg(jsonb_build_object('code', g.code, 'state', g.state,
                  'validUntil', g.valid_until) ORDER BY g.code)
                  FILTER (WHERE g.code IS NOT NULL), '[]') AS cells
    FROM page p LEFT JOIN grid g ON g.user_id = p.id
   GROUP BY p.id, p.name, p.email, p.employee_id, p.nik
   ORDER BY p.name, p.id`;

export interface MatrixRow {
  id: string;
  name: string;
  email: string;
  employee_id: string | null;
  nik: string | null;
  cells: { code: string; state: string; validUntil: string | null }[];
}
