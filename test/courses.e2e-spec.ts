import { Role } from '../src/common/auth/roles';
import { CourseCatalog } from '../src/modules/courses/course-catalog.service';
import { ProgressService } from '../src/modules/enrollments/progress.service';
import { createPublishedCourse } from './support/course-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(600, 0x20)]);

describe('courses: authoring, versions, files', () => {
  let ctx: TestContext;
  let instructor: SeededUser;
  let learner: SeededUser;

  beforeAll(async () => {
    ctx = await createTestContext({ MAX_UPLOAD_BYTES: '2048' });
    instructor = await seedUser(ctx, Role.Instructor);
    learner = await seedUser(ctx, Role.Learner, await seedOrganization(ctx));
  });
  afterAll(() => ctx?.close());

  async function draftCourse() {
    const code = `C-${Math.random().toString(36).slice(2, 10)}`;
    const course = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({ code, titleId: 'Judul', titleEn: 'Title', competencyCode: 'AK3U', jpHours: 4 })
      .expect(201);
    const module = await ctx
      .http()
      .post(`/api/v1/courses/${course.body.id}/modules`)
      .set(bearer(instructor))
      .send({ titleId: 'M', titleEn: 'M' })
      .expect(201);
    return { id: course.body.id as string, code, moduleId: module.body.id as string };
  }

  const addLesson = (courseId: string, moduleId: string, body: object) =>
    ctx
      .http()
      .post(`/api/v1/courses/${courseId}/modules/${moduleId}/lessons`)
      .set(bearer(instructor))
      .send(body);

  it('authors, reorders, publishes with derived minimum times and freezes the version', async () => {
    const { id, code, moduleId } = await draftCourse();
    const dup = await ctx
      .http()
      .post('/api/v1/courses')
      .set(bearer(instructor))
      .send({ code, titleId: 'XX', titleEn: 'XX', competencyCode: 'AK3U', jpHours: 1 })
      .expect(409);
    expect(dup.body.error).toBe('COURSE_CODE_TAKEN');
    const a = await addLesson(id, moduleId, {
      type: 'text',
      titleId: 'A',
      titleEn: 'A',
      content: {
        markdown: 'Hello <script>alert(1)</script> **bold** <img src=x onerror=alert(1)>',
      },
    }).expect(201);
    const b = await addLesson(id, moduleId, {
      type: 'video',
      titleId: 'B',
      titleEn: 'B',
      content: { videoUrl: 'https://v.example.com/b.mp4', durationSeconds: 300 },
    }).expect(201);
    const wrong = await addLesson(id, moduleId, {
      type: 'video',
      titleId: 'C',
      titleEn: 'C',
      content: { markdown: 'not for video' },
    }).expect(422);
    expect(wrong.body.error).toBe('LESSON_TYPE_MISMATCH');
    await ctx
      .http()
      .post(`/api/v1/courses/${id}/modules/${moduleId}/lessons/reorder`)
      .set(bearer(instructor))
      .send({ ids: [b.body.id, a.body.id] })
      .expect(204);
    const badOrder = await ctx
      .http()
      .post(`/api/v1/courses/${id}/modules/${moduleId}/lessons/reorder`)
      .set(bearer(instructor))
      .send({ ids: [b.body.id] })
      .expect(422);
    expect(badOrder.body.error).toBe('INVALID_ORDER');

    // Not visible to learners before publishing.
    await ctx.http().get(`/api/v1/courses/${id}`).set(bearer(learner)).expect(404);
    const published = await ctx
      .http()
      .post(`/api/v1/courses/${id}/publish`)
      .set(bearer(instructor))
      .expect(200);
    const lessons = published.body.published.modules[0].lessons;
    expect(lessons.map((l: { id: string }) => l.id)).toEqual([b.body.id, a.body.id]);
    // Video: its duration; text: 4 JP x 45 min over one reading lesson.
    expect(lessons.map((l: { minSeconds: number }) => l.minSeconds)).toEqual([300, 4 * 45 * 60]);

    const frozen = await ctx
      .http()
      .patch(`/api/v1/courses/${id}/lessons/${a.body.id}`)
      .set(bearer(instructor))
      .send({ titleEn: 'changed' })
      .expect(409);
    expect(frozen.body.error).toBe('DRAFT_REQUIRED');
    const catalogue = await ctx.http().get('/api/v1/courses').set(bearer(learner)).expect(200);
    expect(catalogue.body.items.some((c: { id: string }) => c.id === id)).toBe(true);

    // The learner sees sanitised HTML.
    const enrolled = await ctx
      .http()
      .post(`/api/v1/courses/${id}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const content = await ctx
      .http()
      .get(`/api/v1/enrollments/${enrolled.body.id}/lessons/${a.body.id}`)
      .set(bearer(learner))
      .expect(200);
    expect(content.body.html).toContain('<strong>bold</strong>');
    expect(content.body.html).not.toMatch(/<script|onerror/);

    await ctx.http().post(`/api/v1/courses/${id}/archive`).set(bearer(instructor)).expect(200);
    const closed = await ctx
      .http()
      .post(`/api/v1/courses/${id}/enroll`)
      .set(bearer(await seedUser(ctx, Role.Learner, await seedOrganization(ctx))))
      .expect(409);
    expect(closed.body.error).toBe('COURSE_NOT_PUBLISHED');
  });

  it('moves a lesson to another module, keeping both modules numbered 1..n', async () => {
    const { id, moduleId: first } = await draftCourse();
    const second = (
      await ctx
        .http()
        .post(`/api/v1/courses/${id}/modules`)
        .set(bearer(instructor))
        .send({ titleId: 'M2', titleEn: 'M2' })
        .expect(201)
    ).body.id as string;
    const text = (titleId: string) => ({ type: 'text', titleId, titleEn: titleId });
    const ids: Record<string, string> = {};
    for (const [title, moduleId] of [
      ['A', first],
      ['B', first],
      ['C', first],
      ['X', second],
      ['Y', second],
    ] as const) {
      ids[title] = (await addLesson(id, moduleId, text(title)).expect(201)).body.id;
    }
    const outline = async () => {
      const rows: { module_id: string; title_id: string; position: number }[] = await ctx.db.query(
        `SELECT l.module_id, l.title_id, l.position FROM lessons l
           JOIN course_modules m ON m.id = l.module_id
          WHERE m.id = ANY($1) ORDER BY l.module_id = $2 DESC, l.position`,
        [[first, second], first],
      );
      return rows.map((r) => `${r.module_id === first ? 1 : 2}:${r.position}:${r.title_id}`);
    };
    const move = (lessonId: string, body: object, as: SeededUser = instructor) =>
      ctx.http().post(`/api/v1/courses/${id}/lessons/${lessonId}/move`).set(bearer(as)).send(body);

    const moved = await move(ids.B, { moduleId: second, position: 2 }).expect(200);
    expect(moved.body).toMatchObject({ id: ids.B, moduleId: second, position: 2 });
    expect(await outline()).toEqual(['1:1:A', '1:2:C', '2:1:X', '2:2:B', '2:3:Y']);
    // Default: after the last lesson; a move inside its own module works the same way.
    await move(ids.A, { moduleId: second }).expect(200);
    expect(await outline()).toEqual(['1:1:C', '2:1:X', '2:2:B', '2:3:Y', '2:4:A']);
    await move(ids.A, { moduleId: second, position: 1 }).expect(200);
    expect(await outline()).toEqual(['1:1:C', '2:1:A', '2:2:X', '2:3:B', '2:4:Y']);

    const pastEnd = await move(ids.C, { moduleId: second, position: 7 }).expect(422);
    expect(pastEnd.body).toMatchObject({ error: 'INVALID_POSITION', details: { maxPosition: 5 } });
    const zero = await move(ids.C, { moduleId: second, position: 0 }).expect(400);
    expect(zero.body.error).toBe('VALIDATION_FAILED');
    const otherCourse = await draftCourse();
    const foreign = await move(ids.C, { moduleId: otherCourse.moduleId }).expect(404);
    expect(foreign.body.error).toBe('NOT_FOUND');
    await move(ids.C, { moduleId: second }, learner).expect(403);
    const stranger = await seedUser(ctx, Role.Instructor);
    await move(ids.C, { moduleId: second }, stranger).expect(404);
    expect(await outline()).toEqual(['1:1:C', '2:1:A', '2:2:X', '2:3:B', '2:4:Y']);
  });

  it('refuses to publish an incomplete draft and a second draft', async () => {
    const { id, moduleId } = await draftCourse();
    await addLesson(id, moduleId, { type: 'file', titleId: 'F', titleEn: 'F' }).expect(201);
    const res = await ctx
      .http()
      .post(`/api/v1/courses/${id}/publish`)
      .set(bearer(instructor))
      .expect(422);
    expect(res.body.error).toBe('COURSE_NOT_PUBLISHABLE');
    expect(res.body.details.problems[0].code).toBe('FILE_MISSING');
    const second = await ctx
      .http()
      .post(`/api/v1/courses/${id}/versions`)
      .set(bearer(instructor))
      .expect(409);
    expect(second.body.error).toBe('DRAFT_EXISTS');
  });

  it('stores PDF lesson files; refuses oversize (413) and wrong types (415) storing nothing', async () => {
    const { id, moduleId } = await draftCourse();
    const lesson = await addLesson(id, moduleId, {
      type: 'file',
      titleId: 'F',
      titleEn: 'F',
      minSeconds: 0,
    }).expect(201);
    const url = `/api/v1/courses/${id}/lessons/${lesson.body.id}/file`;
    const big = await ctx
      .http()
      .post(url)
      .set(bearer(instructor))
      .attach('file', Buffer.concat([PDF, Buffer.alloc(4096)]), 'big.pdf')
      .expect(413);
    expect(big.body.error).toBe('PAYLOAD_TOO_LARGE');
    const fake = await ctx
      .http()
      .post(url)
      .set(bearer(instructor))
      .attach('file', Buffer.from('<html>not a pdf</html>'), {
        filename: 'fake.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(fake.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    const { readdirSync, existsSync } = await import('node:fs');
    const dir = `${ctx.config.storageDir}/courses/${id}`;
    expect(existsSync(dir) ? readdirSync(dir, { recursive: true }) : []).toHaveLength(0);

    const ok = await ctx
      .http()
      .post(url)
      .set(bearer(instructor))
      .attach('file', PDF, 'materi.pdf')
      .expect(201);
    expect(ok.body.content.file).toMatchObject({
      contentType: 'application/pdf',
      size: PDF.length,
      filename: 'materi.pdf',
    });
    await ctx.http().post(`/api/v1/courses/${id}/publish`).set(bearer(instructor)).expect(200);
    const enrolled = await ctx
      .http()
      .post(`/api/v1/courses/${id}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const download = await ctx
      .http()
      .get(`/api/v1/enrollments/${enrolled.body.id}/lessons/${lesson.body.id}/file`)
      .set(bearer(learner))
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(download.body).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('completes quiz lessons only through completeLessonExternally (for the quizzes module)', async () => {
    const { id, moduleId } = await draftCourse();
    const quizLesson = await addLesson(id, moduleId, {
      type: 'quiz',
      titleId: 'Q',
      titleEn: 'Q',
    }).expect(201);
    const courses = ctx.app.get(CourseCatalog);
    await courses.setLessonQuiz(quizLesson.body.id, '00000000-0000-4000-8000-000000000001');
    await ctx.http().post(`/api/v1/courses/${id}/publish`).set(bearer(instructor)).expect(200);
    expect(await courses.getLessonRef(quizLesson.body.id)).toMatchObject({
      courseId: id,
      type: 'quiz',
      quizId: '00000000-0000-4000-8000-000000000001',
      versionStatus: 'published',
    });
    const enrolled = await ctx
      .http()
      .post(`/api/v1/courses/${id}/enroll`)
      .set(bearer(learner))
      .expect(201);
    const base = `/api/v1/enrollments/${enrolled.body.id}/lessons/${quizLesson.body.id}`;
    await ctx.http().post(`${base}/start`).set(bearer(learner)).expect(200);
    const refused = await ctx.http().post(`${base}/complete`).set(bearer(learner)).expect(409);
    expect(refused.body.error).toBe('QUIZ_MUST_BE_PASSED');
    await ctx.app
      .get(ProgressService)
      .completeLessonExternally(enrolled.body.id, quizLesson.body.id);
    const view = await ctx
      .http()
      .get(`/api/v1/enrollments/${enrolled.body.id}`)
      .set(bearer(learner))
      .expect(200);
    expect(view.body).toMatchObject({ status: 'completed', percent: 100 });
  });

  it('pins versions: a course edit after publishing needs a new draft', async () => {
    const course = await createPublishedCourse(ctx, instructor);
    const res = await ctx
      .http()
      .patch(`/api/v1/courses/${course.courseId}`)
      .set(bearer(instructor))
      .send({ titleEn: 'New' })
      .expect(409);
    expect(res.body.error).toBe('DRAFT_REQUIRED');
    await ctx
      .http()
      .post(`/api/v1/courses/${course.courseId}/versions`)
      .set(bearer(instructor))
      .expect(201);
    const edited = await ctx
      .http()
      .patch(`/api/v1/courses/${course.courseId}`)
      .set(bearer(instructor))
      .send({ titleEn: 'New' })
      .expect(200);
    expect(edited.body.draft.titleEn).toBe('New');
    expect(edited.body.published.titleEn).not.toBe('New');
  });
});
