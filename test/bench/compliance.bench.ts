/**
 * The compliance matrix and summary at 5,000 employees x 20 competencies (one organization,
 * seeded with bulk SQL: a course per competency code; per cell a valid, expiring or expired
 * certificate, an open or overdue enrollment, or nothing). Through the real HTTP API: the first
 * matrix page, a walk of every page, the dashboard summary and the full CSV export; plus the
 * first page's SQL alone. Target: <= 1 s for the matrix page and the summary. Prints figures only.
 */
import { execSync } from 'node:child_process';
import { request } from 'node:http';
import { Role } from '../../src/common/auth/roles';
import { COMPLIANCE_MATRIX_SQL } from '../../src/modules/compliance/compliance-cells.query';
import { startBenchApp } from './bench-app';

const EMPLOYEES = 5_000;
const COMPETENCIES = 20;
const PAGE = 100;
const RUNS = 5;

function get(url: string, token: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () =>
  execSync('uptime')
    .toString()
    .trim()
    .replace(/^.*load/, 'load');

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

async function main() {
  const bench = await startBenchApp('compliance');
  try {
    const { db } = bench;
    const seeding = await timed(async () => {
      const [{ id: orgId }] = await db.query(
        `INSERT INTO organizations (code, name) VALUES ('BENCH', 'PT Beban Uji') RETURNING id`,
      );
      const [{ id: authorId }] = await db.query(
        `INSERT INTO users (email, name, role) VALUES ('author@bench.test', 'Author', 'instructor') RETURNING id`,
      );
      await db.query(
        `INSERT INTO users (email, name, role, organization_id, employee_id, nik)
         SELECT 'learner' || g || '@bench.test', 'Karyawan ' || lpad(g::text, 5, '0'), 'learner',
                $1, 'E' || g, lpad(g::text, 16, '3')
           FROM generate_series(1, $2) g`,
        [orgId, EMPLOYEES],
      );
      await db.query(
        `WITH c AS (INSERT INTO courses (code, created_by_id)
                    SELECT 'BENCH-' || k, $1 FROM generate_series(1, $2) k RETURNING id, code)
         INSERT INTO course_versions (course_id, version_no, status, title_id, title_en,
                                      competency_code, jp_hours, published_at)
         SELECT c.id, 1, 'published', 'Kursus ' || c.code, 'Course ' || c.code,
                'K3-' || lpad(split_part(c.code, '-', 2), 2, '0'), 8, now() FROM c`,
        [authorId, COMPETENCIES],
      );
      // Cell kind from (employee, course): 0-3 certified (expiry spread from -200 to +700
      // days), 4-5 in training, 6 overdue, 7-9 nothing.
      await db.query(
        `CREATE TEMP TABLE plan AS
         SELECT u.id AS user_id, u.name, cv.course_id, cv.id AS version_id, cv.competency_code,
                cv.title_id, cv.title_en, (hashtext(u.id::text || cv.id::text) & 1023) AS h
           FROM users u CROSS JOIN course_versions cv
          WHERE u.organization_id = $1 AND u.role = 'learner'`,
        [orgId],
      );
      await db.query(
        `INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id, status,
                                  due_at, last_activity_at, completed_at)
         SELECT user_id, $1, course_id, version_id,
                CASE WHEN h % 10 < 4 THEN 'completed' ELSE 'in_progress' END::enrollment_status,
                CASE WHEN h % 10 = 6 THEN now() - interval '5 days'
                     WHEN h % 10 IN (4, 5) THEN now() + interval '30 days' END,
                now(), CASE WHEN h % 10 < 4 THEN now() - interval '1 day' END
           FROM plan WHERE h % 10 < 7`,
        [orgId],
      );
      await db.query(
        `INSERT INTO certificates (enrollment_id, user_id, organization_id, course_id,
            course_version_id, number, verification_code, status, completed_at, issued_at,
            expires_at, learner_name, course_title_id, course_title_en, competency_code, jp_hours)
         SELECT e.id, e.user_id, e.organization_id, e.course_id, e.course_version_id,
                'BENCH/' || row_number() OVER (), upper(left(md5(e.id::text), 26)), 'issued',
                e.completed_at, e.completed_at,
                now() + make_interval(days => (p.h * 900 / 1024) - 200),
                p.name, p.title_id, p.title_en, p.competency_code, 8
           FROM enrollments e JOIN plan p ON p.user_id = e.user_id AND p.course_id = e.course_id
          WHERE e.status = 'completed'`,
      );
      await db.query('ANALYZE');
      return orgId as string;
    });
    const orgId = seeding.value;
    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM enrollments)::int AS enrollments,
              (SELECT count(*) FROM certificates)::int AS certificates`,
    );
    console.log(
      `seeded ${EMPLOYEES} employees x ${COMPETENCIES} competencies: ${counts.enrollments} enrollments, ` +
        `${counts.certificates} certificates in ${Math.round(seeding.ms)} ms`,
    );

    const [hr] = await db.query(
      `INSERT INTO users (email, name, role, organization_id) VALUES ('hr@bench.test', 'HR', 'hr', $1) RETURNING id`,
      [orgId],
    );
    const [token] = await bench.sign([{ id: hr.id, role: Role.Hr, organizationId: orgId }]);
    const api = (path: string) => get(`${bench.baseUrl}${path}`, token);
    await api(`/api/v1/compliance/matrix?limit=${PAGE}`); // warm-up

    const sql: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const args = [orgId, new Date().toISOString(), null, null, null, null, null, null, PAGE + 1];
      sql.push((await timed(() => db.query(COMPLIANCE_MATRIX_SQL, args))).ms);
    }
    const first: number[] = [];
    let cells = 0;
    for (let i = 0; i < RUNS; i += 1) {
      const r = await timed(() => api(`/api/v1/compliance/matrix?limit=${PAGE}`));
      first.push(r.ms);
      const body = JSON.parse(r.value.body.toString()) as { items: { cells: unknown[] }[] };
      cells = body.items.reduce((n, row) => n + row.cells.length, 0);
    }
    const summary: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      summary.push((await timed(() => api('/api/v1/compliance/summary'))).ms);
    }
    const walk = await timed(async () => {
      let cursor: string | null = null;
      let pages = 0;
      let rows = 0;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const res = await api(`/api/v1/compliance/matrix?limit=${PAGE}${query}`);
        const body = JSON.parse(res.body.toString()) as {
          items: unknown[];
          nextCursor: string | null;
        };
        pages += 1;
        rows += body.items.length;
        cursor = body.nextCursor;
      } while (cursor);
      return { pages, rows };
    });
    const filtered = await timed(() =>
      api(`/api/v1/compliance/matrix?limit=${PAGE}&competency=K3-03,K3-07&state=expiring`),
    );
    const exported = await timed(() => api('/api/v1/compliance/matrix/export?format=csv'));

    console.log(
      `matrix first page SQL alone (${PAGE} employees, server default JIT setting): median ${median(sql).toFixed(0)} ms of ${RUNS} (target <= 1000 ms); ${load()}`,
    );
    console.log(
      `matrix first page HTTP (${PAGE} employees, ${cells} cells): median ${median(first).toFixed(0)} ms of ${RUNS} (target <= 1000 ms)`,
    );
    console.log(
      `matrix full walk: ${walk.value.pages} pages, ${walk.value.rows} employees in ${walk.ms.toFixed(0)} ms ` +
        `(${(walk.ms / walk.value.pages).toFixed(0)} ms/page)`,
    );
    console.log(`matrix filtered page (2 codes, expiring): ${filtered.ms.toFixed(0)} ms`);
    console.log(
      `summary HTTP: median ${median(summary).toFixed(0)} ms of ${RUNS} (target <= 1000 ms)`,
    );
    console.log(
      `CSV export of the whole matrix: HTTP ${exported.value.status}, ${(exported.value.body.length / 1e6).toFixed(1)} MB in ${exported.ms.toFixed(0)} ms`,
    );
    console.log(load());
  } finally {
    await bench.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
