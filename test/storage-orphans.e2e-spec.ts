import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName } from '@app/queue';
import { Role } from '../src/common/auth/roles';
import { seedCourse, seedEnrollment, waitFor } from './support/certificate-fixtures';
import { seedCertificate } from './support/notification-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 0x20)]);
const TWO_DAYS_AGO = new Date(Date.now() - 2 * 24 * 3600 * 1000);

function filesUnder(dir: string): string[] {
  return existsSync(dir)
    ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
}

describe('nothing half-written: failed uploads and orphaned blobs', () => {
  let ctx: TestContext;
  let instructor: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext();
    instructor = await seedUser(ctx, Role.Instructor);
  });
  afterAll(() => ctx?.close());

  async function draftFileLesson(): Promise<{ courseId: string; lessonId: string }> {
    const course = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({
        code: `F-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`,
        titleId: 'Berkas',
        titleEn: 'Files',
        competencyCode: 'AK3U',
        jpHours: 1,
        certificateValidityMonths: 36,
        enrollmentMode: 'open',
        sequential: false,
      })
      .expect(201);
    const module = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/modules`)
      .set(bearer(instructor))
      .send({ titleId: 'M', titleEn: 'M' })
      .expect(201);
    const lesson = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/modules/${module.body.id}/lessons`)
      .set(bearer(instructor))
      .send({ type: 'file', titleId: 'F', titleEn: 'F', required: true, minSeconds: 0 })
      .expect(201);
    return { courseId: course.body.id, lessonId: lesson.body.id };
  }

  it('a lesson upload whose row write fails leaves no blob behind', async () => {
    const { courseId, lessonId } = await draftFileLesson();
    // A real failure of the row write, after the bytes were stored.
    await ctx.db.query(`
      CREATE FUNCTION refuse_lesson_file() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced failure of the lesson row'; END $$;
      CREATE TRIGGER refuse_lesson_file BEFORE UPDATE ON lessons FOR EACH ROW
        WHEN (NEW.content ? 'file') EXECUTE FUNCTION refuse_lesson_file();`);
    try {
      // A forced database fault is outside the API contract, so this request is not recorded.
      const res = await request(ctx.app.getHttpServer())
        .post(`/api/v1/courses/${courseId}/lessons/${lessonId}/file`)
        .set(bearer(instructor))
        .attach('file', PDF, 'materi.pdf');
      expect(res.status).toBe(500);
      expect(res.body.error).toBe('INTERNAL_ERROR');
      expect(filesUnder(join(ctx.config.storageDir, 'courses', courseId))).toEqual([]);
    } finally {
      await ctx.db.query(`DROP TRIGGER refuse_lesson_file ON lessons;
        DROP FUNCTION refuse_lesson_file();`);
    }
  });

  it('a lesson deleted before its file is recorded answers 404 and keeps no blob', async () => {
    const { courseId, lessonId } = await draftFileLesson();
    // The lesson vanishes between the draft check and the row write.
    await ctx.db.query(`
      CREATE FUNCTION vanish_lesson() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN DELETE FROM lessons WHERE id = NEW.id; RETURN NULL; END $$;
      CREATE TRIGGER vanish_lesson BEFORE UPDATE ON lessons FOR EACH ROW
        WHEN (NEW.content ? 'file') EXECUTE FUNCTION vanish_lesson();`);
    try {
      const res = await ctx
        .http()
        .post(`/api/v1/courses/${courseId}/lessons/${lessonId}/file`)
        .set(bearer(instructor))
        .attach('file', PDF, 'materi.pdf');
      expect([res.status, res.body.error]).toEqual([404, 'NOT_FOUND']);
      expect(filesUnder(join(ctx.config.storageDir, 'courses', courseId))).toEqual([]);
    } finally {
      await ctx.db.query(`DROP TRIGGER vanish_lesson ON lessons; DROP FUNCTION vanish_lesson();`);
    }
  });

  it('keeps an uploaded file name whole: cut by code points after NFC, never mid-character', async () => {
    const { courseId, lessonId } = await draftFileLesson();
    const name = `${'a'.repeat(194)}😀😀 Pe\u0301ndahuluan.pdf`;
    const res = await ctx
      .http()
      .post(`/api/v1/courses/${courseId}/lessons/${lessonId}/file`)
      .set(bearer(instructor))
      .attach('file', PDF, name)
      .expect(201);
    const stored = res.body.content.file.filename as string;
    expect(Array.from(stored)).toHaveLength(200);
    expect(stored.endsWith('.pdf')).toBe(true);
    expect(stored).toBe(stored.normalize('NFC'));
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(stored)).toBe(false);
  });

  it('the daily sweep removes old unreferenced blobs and keeps referenced or recent ones', async () => {
    const root = ctx.config.storageDir;
    const put = (key: string, mtime?: Date) => {
      const path = join(root, key);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, PDF);
      if (mtime) utimesSync(path, mtime, mtime);
      return key;
    };
    const org = await seedOrganization(ctx);
    const learner = await seedUser(ctx, Role.Learner, org);
    const course = await seedCourse(ctx, instructor.id);
    const enrollmentId = await seedEnrollment(ctx, learner, course);
    const certificateId = await seedCertificate(ctx.db, {
      enrollmentId,
      userId: learner.id,
      organizationId: org,
      course,
      expiresAt: new Date('2030-01-01T00:00:00Z'),
    });
    const certificatePdf = put(`certificates/2024/${certificateId}/v1-old.pdf`, TWO_DAYS_AGO);
    await ctx.db.query('UPDATE certificates SET storage_key = $2 WHERE id = $1', [
      certificateId,
      certificatePdf,
    ]);
    const lessonFile = put(
      `courses/${course.courseId}/lessons/${course.lessonId}/old.pdf`,
      TWO_DAYS_AGO,
    );
    await ctx.db.query(
      `UPDATE lessons SET content = jsonb_build_object('file', jsonb_build_object('key', $2::text))
       WHERE id = $1`,
      [course.lessonId, lessonFile],
    );
    const queuedAttachment = put('exports/pending-mail.pdf', TWO_DAYS_AGO);
    await ctx.db.query(
      `INSERT INTO email_outbox (recipient, template, locale, category, data, attachments, idempotency_key)
       VALUES ('a@k3.test', 'certificate-issued', 'id', 'certificates', '{}',
               jsonb_build_array(jsonb_build_object('filename', 'c.pdf', 'storageKey', $1::text,
                                                    'contentType', 'application/pdf')),
               'orphan-test')`,
      [queuedAttachment],
    );
    const oldOrphan = put('certificates/2024/killed-render/v1-abc.pdf', TWO_DAYS_AGO);
    const oldTemp = put('courses/x/lessons/y/z.pdf.1234.tmp', TWO_DAYS_AGO);
    const freshOrphan = put('courses/x/lessons/y/just-uploaded.pdf');

    const worker = await ctx.startWorker();
    const queue = worker.get<Queue>(getQueueToken(QueueName.Maintenance));
    const scheduler = await waitFor(
      'the orphan sweep scheduler',
      async () => (await queue.getJobScheduler('storage.sweep-orphans')) ?? undefined,
    );
    expect(scheduler).toMatchObject({ name: 'storage.sweep-orphans', pattern: '30 3 * * *' });

    const job = await queue.add('storage.sweep-orphans', {});
    const result = await waitFor('the sweep to finish', async () => {
      const done = await queue.getJob(job.id!);
      return done?.finishedOn ? done.returnvalue : undefined;
    });
    const exists = (key: string) => existsSync(join(root, key));
    expect({
      certificatePdf: exists(certificatePdf),
      lessonFile: exists(lessonFile),
      queuedAttachment: exists(queuedAttachment),
      freshOrphan: exists(freshOrphan),
      oldOrphan: exists(oldOrphan),
      oldTemp: exists(oldTemp),
    }).toEqual({
      certificatePdf: true,
      lessonFile: true,
      queuedAttachment: true,
      freshOrphan: true,
      oldOrphan: false,
      oldTemp: false,
    });
    expect(result).toMatchObject({ deleted: 2 });
    expect(result.scanned).toBeGreaterThanOrEqual(6);
  });
});
