/**
 * HR ZIP download of 10,000 issued certificates through the real HTTP route
 * (GET /api/v1/certificates/export.zip, STORE mode, streamed). One real PDF is rendered with
 * @app/certificate-pdf and stored once; all 10,000 rows point at that one blob key, so the
 * disk holds one file while the server still opens, streams and closes it 10,000 times.
 * Prints files/s, MB/s and the API process's peak RSS (target < 200 MB). Figures only.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { renderCertificatePdf } from '@app/certificate-pdf';
import { LocalDirectoryStorage } from '@app/storage';
import { Role } from '../../src/common/auth/roles';
import { formatMemoryAtPeak } from './api-diagnostics';
import { mb, NOTE, seedCourseWithLearners, startBenchApp } from './bench-app';

const CERTIFICATES = Number(process.env.BENCH_CERTIFICATES ?? 10_000);
const BLOB_KEY = 'certificates/bench/one.pdf';

function download(
  url: string,
  token: string,
  abortAfterBytes = Infinity,
): Promise<{ bytes: number; status: number; entries: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      let entries = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Local file header signature; PDFs do not contain it, so this counts entries.
        for (
          let i = chunk.indexOf('PK\u0003\u0004');
          i >= 0;
          i = chunk.indexOf('PK\u0003\u0004', i + 4)
        ) {
          entries += 1;
        }
        if (bytes >= abortAfterBytes) {
          req.destroy();
          resolve({ bytes, status: res.statusCode ?? 0, entries });
        }
      });
      res.on('end', () => resolve({ bytes, status: res.statusCode ?? 0, entries }));
      res.on('error', reject);
    });
    req.on('error', (e) => (abortAfterBytes < Infinity ? undefined : reject(e)));
    req.end();
  });
}

async function main() {
  const bench = await startBenchApp('certzip');
  const idle = await bench.idleRss();
  console.log(`API idle RSS ${mb(idle)} (target <= 120 MB)`);
  try {
    // The API child process owns a temp STORAGE_DIR; read it from its environment.
    const storageDir = /(?:^|\0)STORAGE_DIR=([^\0]*)/.exec(
      readFileSync(`/proc/${bench.api.pid}/environ`, 'utf8'),
    )?.[1];
    if (!storageDir) throw new Error('STORAGE_DIR of the API process not found');
    const t0 = Date.now();
    const seeded = await seedCourseWithLearners(bench.db, CERTIFICATES);
    const pdf = renderCertificatePdf({
      number: 'K3/AK3U/2026/000001',
      learnerName: 'Peserta Beban Uji',
      learnerIdLabel: { kind: 'employee_id', value: 'E1' },
      courseTitle: { id: 'Kursus Beban 1', en: 'Load course 1' },
      competencyCode: 'AK3U',
      jpHours: 8,
      completedAt: new Date(),
      issuedAt: new Date(),
      expiresAt: null,
      verifyUrl: 'http://localhost:3000/verify/AAAAAAAAAAAAAAAAAAAAAAAAAA',
      issuer: {
        organizationName: 'K3 LMS',
        signerName: 'Direktur Pelatihan',
        signerTitle: 'Direktur / Director',
      },
    });
    const stored = await new LocalDirectoryStorage(storageDir).put(BLOB_KEY, pdf);
    await bench.db.query(
      `INSERT INTO certificates (enrollment_id, user_id, organization_id, course_id,
         course_version_id, number, verification_code, status, storage_key, sha256, byte_size,
         completed_at, issued_at, learner_name, course_title_id, course_title_en,
         competency_code, jp_hours)
       SELECT e.id, e.user_id, e.organization_id, e.course_id, e.course_version_id,
              'K3/AK3U/2026/' || lpad(row_number() OVER (ORDER BY e.id)::text, 6, '0'),
              upper(substr(md5(random()::text || e.id::text), 1, 26)), 'issued', $2, $3, $4,
              now(), now(), u.name, 'Kursus Beban 1', 'Load course 1', 'AK3U', 8
         FROM enrollments e JOIN users u ON u.id = e.user_id
        WHERE e.organization_id = $1`,
      [seeded.organizationId, BLOB_KEY, stored.sha256, stored.size],
    );
    const [{ n }] = await bench.db.query(
      'SELECT count(*)::int AS n FROM certificates WHERE organization_id = $1',
      [seeded.organizationId],
    );
    console.log(
      `seeded ${n} issued certificates (one stored ${(pdf.length / 1024).toFixed(1)} KB PDF, ` +
        `one blob key) in ${Date.now() - t0} ms; ${NOTE}`,
    );
    const [hr] = await bench.db.query(
      `INSERT INTO users (email, name, role, organization_id)
       VALUES ('hr@bench.test', 'HR', 'hr', $1) RETURNING id`,
      [seeded.organizationId],
    );
    const [token] = await bench.sign([
      { id: hr.id, role: Role.Hr, organizationId: seeded.organizationId },
    ]);
    const url = `${bench.baseUrl}/api/v1/certificates/export.zip`;

    const baseline = bench.rss().current;
    bench.resetPeakRss();
    bench.resetDiagnostics();
    const started = Date.now();
    const result = await download(url, token);
    const seconds = (Date.now() - started) / 1000;
    const { peak } = bench.rss();
    console.log(
      `zip: HTTP ${result.status}, ${result.entries} files, ${mb(result.bytes)} in ${seconds.toFixed(1)} s: ` +
        `${(result.entries / seconds).toFixed(0)} files/s, ${(result.bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s; ` +
        `API RSS before ${mb(baseline)}, peak ${mb(peak)} = idle + ${mb(peak - idle)} (target idle + <= 50 MB)`,
    );
    console.log(`    at the peak: ${formatMemoryAtPeak(await bench.diagnostics())}`);

    // A client that goes away after ~5 MB: the server must stop reading rows and files.
    const aborted = await download(url, token, 5 * 1024 * 1024);
    const cpu = () =>
      readFileSync(`/proc/${bench.api.pid}/stat`, 'utf8')
        .split(') ')[1]
        .split(' ')
        .slice(11, 13)
        .reduce((sum, ticks) => sum + Number(ticks), 0);
    await new Promise((r) => setTimeout(r, 500));
    const ticksBefore = cpu();
    await new Promise((r) => setTimeout(r, 2000));
    console.log(
      `abort after ${mb(aborted.bytes)} (${aborted.entries} files): API CPU over the next 2 s ` +
        `${(cpu() - ticksBefore) * 10} ms (near 0 = the download stopped with the client)`,
    );
  } finally {
    await bench.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
