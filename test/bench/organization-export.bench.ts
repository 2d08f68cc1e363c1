/**
 * HR organization export of 10,000 and 100,000 rows (2,500 / 25,000 employees x 4 courses,
 * seeded with bulk SQL, one organization each) through the real HTTP route, as CSV and as XLSX.
 * Prints the API's idle RSS, then per export the duration, size and peak RSS (target: idle +
 * <= 50 MB, the same at both sizes). Prints figures only.
 */
import { request } from 'node:http';
import { Role } from '../../src/common/auth/roles';
import { formatMemoryAtPeak, formatMemorySplit } from './api-diagnostics';
import { mb, NOTE, seedCourseWithLearners, startBenchApp } from './bench-app';

const EMPLOYEES = [2_500, 25_000];
const COURSES = 4;

function download(url: string, token: string): Promise<{ bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, status: res.statusCode ?? 0 }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function main() {
  const bench = await startBenchApp('export');
  try {
    const idle = await bench.idleRss();
    console.log(`API idle RSS ${mb(idle)} (target <= 120 MB); ${NOTE}`);
    bench.resetDiagnostics();
    console.log(`    at idle: ${formatMemorySplit((await bench.diagnostics()).memoryAtPeak)}`);
    for (const employees of EMPLOYEES) {
      // seedCourseWithLearners uses fixed codes and e-mails: move the previous organization's aside.
      await bench.db.query(
        `UPDATE organizations SET code = 'D' || left(id::text, 8) WHERE code = 'BENCH';
         UPDATE users SET email = left(id::text, 8) || email WHERE email LIKE '%@bench.test';
         UPDATE courses SET code = 'D' || left(id::text, 8) WHERE code LIKE 'BENCH-%';`,
      );
      const started = Date.now();
      const seeded = await seedCourseWithLearners(bench.db, employees, COURSES, true);
      const [{ rows }] = await bench.db.query(
        'SELECT count(*)::int AS rows FROM enrollments WHERE organization_id = $1',
        [seeded.organizationId],
      );
      console.log(`seeded ${rows} enrollment rows in ${Date.now() - started} ms`);
      const [hr] = await bench.db.query(
        `INSERT INTO users (email, name, role, organization_id)
         VALUES ('hr@bench.test', 'HR', 'hr', $1) RETURNING id`,
        [seeded.organizationId],
      );
      const [token] = await bench.sign([
        { id: hr.id, role: Role.Hr, organizationId: seeded.organizationId },
      ]);
      for (const format of ['csv', 'xlsx'] as const) {
        const before = bench.rss().current;
        bench.resetPeakRss();
        bench.resetDiagnostics();
        const t0 = Date.now();
        const result = await download(
          `${bench.baseUrl}/api/v1/reports/organization/export?format=${format}`,
          token,
        );
        const peak = bench.rss().peak;
        console.log(
          `${format}: HTTP ${result.status}, ${rows} rows, ${mb(result.bytes)} in ${Date.now() - t0} ms; ` +
            `API RSS before ${mb(before)}, peak ${mb(peak)} = idle + ${mb(peak - idle)} (target idle + <= 50 MB)`,
        );
        console.log(`    at the peak: ${formatMemoryAtPeak(await bench.diagnostics())}`);
      }
    }
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
