import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  EnrollmentCompletedEvent,
  EnrollmentEvents,
} from '../../src/modules/enrollments/enrollment-events';
import { isNotFound, missingTool } from './system-tools';
import { bearer, SeededUser, TestContext } from './test-app';
import yauzl from 'yauzl';

export interface SeededCourse {
  courseId: string;
  versionId: string;
  lessonId: string;
  competencyCode: string;
}

/** A published one-lesson course (no minimum time), inserted directly. */
export async function seedCourse(
  ctx: TestContext,
  createdById: string,
  opts: {
    competencyCode?: string;
    validityMonths?: number;
    titleId?: string;
    titleEn?: string;
  } = {},
): Promise<SeededCourse> {
  const competencyCode = opts.competencyCode ?? `C${randomBytes(3).toString('hex').toUpperCase()}`;
  const [course] = await ctx.db.query(
    'INSERT INTO courses (code, created_by_id) VALUES ($1, $2) RETURNING id',
    [`K3-${randomBytes(4).toString('hex')}`, createdById],
  );
  const [version] = await ctx.db.query(
    `INSERT INTO course_versions (course_id, version_no, status, title_id, title_en, competency_code,
       jp_hours, certificate_validity_months, published_at)
     VALUES ($1, 1, 'published', $2, $3, $4, 32, $5, now()) RETURNING id`,
    [
      course.id,
      opts.titleId ?? 'Ahli K3 Umum',
      opts.titleEn ?? 'General OSH Expert',
      competencyCode,
      opts.validityMonths ?? 36,
    ],
  );
  const [module] = await ctx.db.query(
    `INSERT INTO course_modules (course_version_id, position, title_id, title_en)
     VALUES ($1, 1, 'Modul 1', 'Module 1') RETURNING id`,
    [version.id],
  );
  const [lesson] = await ctx.db.query(
    `INSERT INTO lessons (course_version_id, module_id, position, type, title_id, title_en, required)
     VALUES ($1, $2, 1, 'text', 'Pelajaran', 'Lesson', true) RETURNING id`,
    [version.id, module.id],
  );
  return { courseId: course.id, versionId: version.id, lessonId: lesson.id, competencyCode };
}

export async function seedEnrollment(
  ctx: TestContext,
  learner: { id: string; organizationId: string | null },
  course: SeededCourse,
): Promise<string> {
  const [row] = await ctx.db.query(
    `INSERT INTO enrollments (user_id, organization_id, course_id, course_version_id)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [learner.id, learner.organizationId, course.courseId, course.versionId],
  );
  return row.id;
}

/** The learner finishes the course's only lesson through the real HTTP API. */
export async function completeViaApi(
  ctx: TestContext,
  learner: SeededUser,
  enrollmentId: string,
  lessonId: string,
): Promise<void> {
  const base = `/api/v1/enrollments/${enrollmentId}/lessons/${lessonId}`;
  const start = await ctx.http().post(`${base}/start`).set(bearer(learner));
  if (start.status >= 300) throw new Error(`start: ${start.status} ${JSON.stringify(start.body)}`);
  const done = await ctx.http().post(`${base}/complete`).set(bearer(learner));
  if (done.status !== 200) throw new Error(`complete: ${done.status} ${JSON.stringify(done.body)}`);
}

/** The completion path the enrollments module runs, invoked directly (for races). */
export async function completeDirectly(
  ctx: TestContext,
  event: EnrollmentCompletedEvent,
): Promise<void> {
  const events = ctx.app.get(EnrollmentEvents);
  await ctx.db.transaction((tx) => events.completedInTransaction(event, tx));
  await events.completedAfterCommit(event);
}

export async function completionEvent(
  ctx: TestContext,
  enrollmentId: string,
): Promise<EnrollmentCompletedEvent> {
  const [e] = await ctx.db
    .query(
      `UPDATE enrollments SET status = 'completed', completed_at = now(), percent = 100
     WHERE id = $1 RETURNING *`,
      [enrollmentId],
    )
    .then((r: unknown[]) => r[0] as Record<string, unknown>[]);
  return {
    enrollmentId,
    userId: e.user_id as string,
    organizationId: e.organization_id as string | null,
    courseId: e.course_id as string,
    courseVersionId: e.course_version_id as string,
    completedAt: e.completed_at as Date,
    renewalOfCertificateId: (e.renewal_of_certificate_id as string | null) ?? null,
  };
}

export interface CertificateRow {
  id: string;
  status: string;
  number: string;
  version: number;
  verification_code: string;
  sha256: string | null;
  storage_key: string | null;
  attempts: number;
  failure_reason: string | null;
  superseded_by_id: string | null;
  superseded_reason: string | null;
  renews_certificate_id: string | null;
}

export async function certificatesOf(
  ctx: TestContext,
  enrollmentId: string,
): Promise<CertificateRow[]> {
  return ctx.db.query('SELECT * FROM certificates WHERE enrollment_id = $1 ORDER BY version', [
    enrollmentId,
  ]);
}

/** Polls until `check` returns a value (not undefined); fails with the last state otherwise. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

export async function waitForStatus(
  ctx: TestContext,
  certificateId: string,
  status: string,
  timeoutMs = 30_000,
): Promise<CertificateRow> {
  return waitFor(
    `certificate ${certificateId} to be ${status}`,
    async () => {
      const [row] = (await ctx.db.query('SELECT * FROM certificates WHERE id = $1', [
        certificateId,
      ])) as CertificateRow[];
      return row?.status === status ? row : undefined;
    },
    timeoutMs,
  );
}

const execFileAsync = promisify(execFile);

/** Text of a PDF via poppler's pdftotext. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'k3-pdf-'));
  try {
    const file = join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    const { stdout } = await execFileAsync('pdftotext', ['-layout', file, '-']).catch(
      (e: unknown) => {
        throw isNotFound(e) ? missingTool('pdftotext', 'poppler-utils') : e;
      },
    );
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** supertest parser that buffers a binary body. */
export function binaryParser(
  res: import('supertest').Response,
  callback: (err: Error | null, body: Buffer) => void,
): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (e: Error) => callback(e, Buffer.alloc(0)));
}

/** poppler's `pdfsig` report (stdout + stderr) and exit code; it exits non-zero when invalid. */
export async function pdfSignatureReport(pdf: Buffer): Promise<{ code: number; report: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'k3-pdfsig-'));
  try {
    const file = join(dir, 'c.pdf');
    writeFileSync(file, pdf);
    return await execFileAsync('pdfsig', ['-nocert', file]).then(
      ({ stdout, stderr }) => ({ code: 0, report: stdout + stderr }),
      (e: NodeJS.ErrnoException & { code?: number | string; stdout?: string; stderr?: string }) => {
        if (isNotFound(e)) throw missingTool('pdfsig', 'poppler-utils');
        return { code: Number(e.code ?? 1), report: `${e.stdout ?? ''}${e.stderr ?? ''}` };
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every file of a ZIP archive, by name. */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}
