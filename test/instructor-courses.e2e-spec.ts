import { FORK_SHARED_DRAFT_QUIZZES } from '../migrations/1796840000000-QuizzesVersionedWithCourse';
import { Role } from '../src/common/auth/roles';
import { createPublishedCourse } from './support/course-fixtures';
import { createQuizCourse, enrolledLearner, SINGLE } from './support/quiz-fixtures';
import {
  bearer,
  createTestContext,
  seedOrganization,
  seedUser,
  SeededUser,
  TestContext,
} from './support/test-app';

/**
 * The instructor's course list (staffed only), the publish preview (the draft against the
 * published version, by stable lesson keys) and the learners pinned to older versions.
 */
describe('instructor courses: staffed list, publish preview, pinned learners', () => {
  let ctx: TestContext;
  let admin: SeededUser;
  let owner: SeededUser;
  let coInstructor: SeededUser;
  let outsider: SeededUser;
  let hr: SeededUser;
  let learner: SeededUser;

  const http = () => ctx.http();

  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await seedUser(ctx, Role.Admin);
    owner = await seedUser(ctx, Role.Instructor);
    coInstructor = await seedUser(ctx, Role.Instructor);
    outsider = await seedUser(ctx, Role.Instructor);
    hr = await seedUser(ctx, Role.Hr, await seedOrganization(ctx));
    learner = await seedUser(ctx, Role.Learner);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('lists only the courses an instructor staffs with staffed=true, drafts included', async () => {
    const published = await createPublishedCourse(ctx, owner);
    const draftOnly = await http()
      .post('/api/v1/courses')
      .set(bearer(owner))
      .send({
        code: 'DRAFT-ONLY',
        titleId: 'Draf',
        titleEn: 'Draft',
        competencyCode: 'AK3U',
        jpHours: 1,
      })
      .expect(201);
    const others = await createPublishedCourse(ctx, outsider);

    const mine = await http().get('/api/v1/courses?staffed=true').set(bearer(owner)).expect(200);
    expect(mine.body.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [published.courseId, draftOnly.body.id].sort(),
    );
    expect(mine.body.items.find((c: { id: string }) => c.id === draftOnly.body.id).status).toBe(
      'draft',
    );
    // Without the filter the instructor also sees the published catalogue.
    const all = await http().get('/api/v1/courses?limit=100').set(bearer(owner)).expect(200);
    expect(all.body.items.map((c: { id: string }) => c.id)).toContain(others.courseId);
    // A co-instructor sees the course once added; admins see every course.
    await http()
      .post(`/api/v1/courses/${published.courseId}/staff`)
      .set(bearer(owner))
      .send({ email: coInstructor.email })
      .expect(201);
    const co = await http()
      .get('/api/v1/courses?staffed=true')
      .set(bearer(coInstructor))
      .expect(200);
    expect(co.body.items.map((c: { id: string }) => c.id)).toEqual([published.courseId]);
    const adminList = await http()
      .get('/api/v1/courses?staffed=true&limit=100')
      .set(bearer(admin))
      .expect(200);
    expect(adminList.body.items.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([published.courseId, draftOnly.body.id, others.courseId]),
    );
    const learners = await http()
      .get('/api/v1/courses?staffed=true')
      .set(bearer(learner))
      .expect(200);
    expect(learners.body.items).toEqual([]);
    await http().get('/api/v1/courses?staffed=yes').set(bearer(owner)).expect(400);
  });

  it('previews a publish: added, removed, changed lessons by key, module and quiz changes', async () => {
    const course = await createPublishedCourse(ctx, owner, {
      lessons: [{ minSeconds: 30 }, { minSeconds: 30 }, { minSeconds: 30 }],
    });
    const { courseId } = course;
    const pinned = await enrolledLearner(ctx, courseId);

    // No draft yet: a stable 409.
    const none = await http()
      .get(`/api/v1/courses/${courseId}/publish-preview`)
      .set(bearer(owner))
      .expect(409);
    expect(none.body.error).toBe('DRAFT_REQUIRED');

    const draft = await http()
      .post(`/api/v1/courses/${courseId}/versions`)
      .set(bearer(owner))
      .expect(201);
    const [first, second, third] = draft.body.draft.modules[0].lessons as { id: string }[];
    const moduleId = draft.body.draft.modules[0].id as string;

    // Unchanged copy: nothing to report, although every row id is new.
    const same = await http()
      .get(`/api/v1/courses/${courseId}/publish-preview`)
      .set(bearer(owner))
      .expect(200);
    expect(same.body).toMatchObject({
      draftVersionNo: 2,
      publishedVersionNo: 1,
      hasChanges: false,
      fields: [],
      lessons: { added: [], removed: [], changed: [] },
      problems: [],
    });

    await http()
      .patch(`/api/v1/courses/${courseId}/lessons/${first.id}`)
      .set(bearer(owner))
      .send({ titleEn: 'Lesson 1, revised', content: { markdown: '# Baru' } })
      .expect(200);
    await http()
      .delete(`/api/v1/courses/${courseId}/lessons/${second.id}`)
      .set(bearer(owner))
      .expect(204);
    const added = await http()
      .post(`/api/v1/courses/${courseId}/modules/${moduleId}/lessons`)
      .set(bearer(owner))
      .send({ type: 'text', titleId: 'Pelajaran baru', titleEn: 'New lesson', minSeconds: 0 })
      .expect(201);
    await http()
      .patch(`/api/v1/courses/${courseId}/modules/${moduleId}`)
      .set(bearer(owner))
      .send({ titleEn: 'Module 1, revised' })
      .expect(200);
    await http()
      .patch(`/api/v1/courses/${courseId}`)
      .set(bearer(owner))
      .send({ jpHours: 3, tags: ['k3', 'baru'] })
      .expect(200);

    const preview = await http()
      .get(`/api/v1/courses/${courseId}/publish-preview`)
      .set(bearer(owner))
      .expect(200);
    const keyOf = async (lessonId: string) =>
      (await ctx.db.query('SELECT lesson_key FROM lessons WHERE id = $1', [lessonId]))[0]
        .lesson_key as string;
    expect(preview.body.hasChanges).toBe(true);
    expect(preview.body.fields).toEqual(['jpHours', 'tags']);
    expect(preview.body.lessons.added).toEqual([
      {
        key: await keyOf(added.body.id),
        id: added.body.id,
        type: 'text',
        titleId: 'Pelajaran baru',
        titleEn: 'New lesson',
      },
    ]);
    // The removed lesson is named by its published row, matched by the key the draft copied.
    expect(preview.body.lessons.removed).toEqual([
      expect.objectContaining({ id: course.lessonIds[1], titleEn: 'Lesson 2' }),
    ]);
    expect(await keyOf(course.lessonIds[1])).toBe(preview.body.lessons.removed[0].key);
    expect(preview.body.lessons.changed).toEqual([
      expect.objectContaining({
        id: first.id,
        titleEn: 'Lesson 1, revised',
        changes: ['title', 'content'],
      }),
    ]);
    expect(await keyOf(first.id)).toBe(await keyOf(course.lessonIds[0]));
    expect(preview.body.lessons.changed.map((l: { id: string }) => l.id)).not.toContain(third.id);
    expect(preview.body.modules.changed).toEqual([
      expect.objectContaining({ titleEn: 'Module 1, revised', changes: ['title'] }),
    ]);
    expect(preview.body.problems).toEqual([]);

    // The enrolled learner stays on version 1 once version 2 is published.
    const before = await http()
      .get(`/api/v1/courses/${courseId}/pinned-learners`)
      .set(bearer(owner))
      .expect(200);
    expect(before.body).toMatchObject({
      total: 1,
      byVersion: [{ versionNo: 1, count: 1 }],
      items: [{ enrollmentId: pinned.enrollmentId, userId: pinned.id, versionNo: 1 }],
      nextCursor: null,
    });

    // The preview writes nothing; publishing still works and the learner is still pinned.
    await http().post(`/api/v1/courses/${courseId}/publish`).set(bearer(owner)).expect(200);
    const [enrollment] = await ctx.db.query(
      `SELECT v.version_no FROM enrollments e JOIN course_versions v ON v.id = e.course_version_id
        WHERE e.id = $1`,
      [pinned.enrollmentId],
    );
    expect(enrollment.version_no).toBe(1);
    const after = await http()
      .get(`/api/v1/courses/${courseId}/pinned-learners`)
      .set(bearer(coInstructor))
      .expect(404); // not on this course's staff
    expect(after.body.error).toBe('NOT_FOUND');
    const stillPinned = await http()
      .get(`/api/v1/courses/${courseId}/pinned-learners`)
      .set(bearer(admin))
      .expect(200);
    expect(stillPinned.body.total).toBe(1);
    // A learner enrolling now gets version 2 and is not pinned.
    await enrolledLearner(ctx, courseId);
    const later = await http()
      .get(`/api/v1/courses/${courseId}/pinned-learners`)
      .set(bearer(owner))
      .expect(200);
    expect(later.body.total).toBe(1);
    const gone = await http()
      .get(`/api/v1/courses/${courseId}/publish-preview`)
      .set(bearer(owner))
      .expect(409);
    expect(gone.body.error).toBe('DRAFT_REQUIRED');
  });

  it('gives a new draft its own copy of each quiz: editing it leaves the published version alone', async () => {
    const quizCourse = await createQuizCourse(ctx, owner, [SINGLE]);
    const onV1 = await enrolledLearner(ctx, quizCourse.courseId);
    const draft = await http()
      .post(`/api/v1/courses/${quizCourse.courseId}/versions`)
      .set(bearer(owner))
      .expect(201);
    const draftModule = draft.body.draft.modules[0];
    const quizLesson = draftModule.lessons[0];
    const draftQuizId = quizLesson.quizId as string;
    expect(draftQuizId).toEqual(expect.any(String));
    expect(draftQuizId).not.toBe(quizCourse.quizId);
    const copy = await http().get(`/api/v1/quizzes/${draftQuizId}`).set(bearer(owner)).expect(200);
    expect(copy.body).toMatchObject({
      lessonId: quizLesson.id,
      versionNo: 2,
      versionStatus: 'draft',
      title: 'Kuis K3',
      passingPercent: 70,
      options: { selection: { mode: 'fixed', questionIds: quizCourse.questionIds } },
    });
    const unchanged = await http()
      .get(`/api/v1/courses/${quizCourse.courseId}/publish-preview`)
      .set(bearer(owner))
      .expect(200);
    expect(unchanged.body.quizzes).toEqual([]);
    expect(unchanged.body.hasChanges).toBe(false);

    await http()
      .patch(`/api/v1/quizzes/${draftQuizId}`)
      .set(bearer(owner))
      .send({ passingPercent: 80, timeLimitSeconds: 900 })
      .expect(200);
    const published = await http()
      .get(`/api/v1/quizzes/${quizCourse.quizId}`)
      .set(bearer(owner))
      .expect(200);
    expect(published.body).toMatchObject({
      versionNo: 1,
      versionStatus: 'published',
      passingPercent: 70,
      timeLimitSeconds: null,
    });
    // The learner on version 1 still meets version 1's quiz, and cannot see the draft's.
    const learnerView = await http()
      .get(`/api/v1/quizzes/${quizCourse.quizId}`)
      .set(bearer(onV1))
      .expect(200);
    expect(learnerView.body).toMatchObject({ passingPercent: 70, timeLimitSeconds: null });
    await http().get(`/api/v1/quizzes/${draftQuizId}`).set(bearer(onV1)).expect(404);
    // The draft's lesson has its quiz already.
    const second = await http()
      .post('/api/v1/quizzes')
      .set(bearer(owner))
      .send({
        lessonId: quizLesson.id,
        title: 'Kuis baru',
        selection: { mode: 'fixed', questionIds: quizCourse.questionIds },
        passingPercent: 80,
      })
      .expect(409);
    expect(second.body.error).toBe('QUIZ_EXISTS');

    const empty = await http()
      .post(`/api/v1/courses/${quizCourse.courseId}/modules/${draftModule.id}/lessons`)
      .set(bearer(owner))
      .send({ type: 'quiz', titleId: 'Kuis akhir', titleEn: 'Final quiz' })
      .expect(201);
    const preview = await http()
      .get(`/api/v1/courses/${quizCourse.courseId}/publish-preview`)
      .set(bearer(owner))
      .expect(200);
    expect(preview.body.quizzes).toEqual([
      expect.objectContaining({
        id: quizLesson.id,
        change: 'changed',
        fields: ['timeLimitSeconds', 'passingPercent'],
      }),
    ]);
    expect(preview.body.lessons.added).toEqual([expect.objectContaining({ id: empty.body.id })]);
    expect(preview.body.problems).toEqual([
      expect.objectContaining({ code: 'QUIZ_MISSING', lessonId: empty.body.id }),
    ]);

    await http()
      .delete(`/api/v1/courses/${quizCourse.courseId}/lessons/${empty.body.id}`)
      .set(bearer(owner))
      .expect(204);
    await http()
      .post(`/api/v1/courses/${quizCourse.courseId}/publish`)
      .set(bearer(owner))
      .expect(200);
    // After the publish a new learner meets version 2's quiz; the earlier one keeps version 1's.
    const onV2 = await enrolledLearner(ctx, quizCourse.courseId);
    const v2View = await http().get(`/api/v1/quizzes/${draftQuizId}`).set(bearer(onV2)).expect(200);
    expect(v2View.body).toMatchObject({ passingPercent: 80, timeLimitSeconds: 900 });
    await http().get(`/api/v1/quizzes/${quizCourse.quizId}`).set(bearer(onV2)).expect(404);
    await http().get(`/api/v1/quizzes/${quizCourse.quizId}`).set(bearer(onV1)).expect(200);
    const frozen = await http()
      .get(`/api/v1/quizzes/${quizCourse.quizId}`)
      .set(bearer(owner))
      .expect(200);
    expect(frozen.body.versionStatus).toBe('superseded');
  });

  it('the migration gives a draft that still shares a frozen quiz its own copy', async () => {
    const quizCourse = await createQuizCourse(ctx, owner, [SINGLE]);
    const draft = await http()
      .post(`/api/v1/courses/${quizCourse.courseId}/versions`)
      .set(bearer(owner))
      .expect(201);
    const draftLesson = draft.body.draft.modules[0].lessons[0];
    // The state before quizzes were versioned: the draft's lesson links version 1's quiz.
    await ctx.db.query('UPDATE lessons SET quiz_id = $1 WHERE id = $2', [
      quizCourse.quizId,
      draftLesson.id,
    ]);
    await ctx.db.query('DELETE FROM quizzes WHERE id = $1', [draftLesson.quizId]);
    await ctx.db.query(FORK_SHARED_DRAFT_QUIZZES);
    await ctx.db.query(FORK_SHARED_DRAFT_QUIZZES); // a second run finds nothing left to fork
    const rows: { id: string; lesson_id: string; quiz_key: string; passing_percent: number }[] =
      await ctx.db.query(
        `SELECT id, lesson_id, quiz_key, passing_percent FROM quizzes
          WHERE course_id = $1 ORDER BY created_at, id`,
        [quizCourse.courseId],
      );
    expect(rows).toHaveLength(2);
    const [original, forked] = [
      rows.find((r) => r.id === quizCourse.quizId)!,
      rows.find((r) => r.id !== quizCourse.quizId)!,
    ];
    expect(original.lesson_id).toBe(quizCourse.lessonId);
    expect(forked).toMatchObject({
      lesson_id: draftLesson.id,
      quiz_key: original.quiz_key,
      passing_percent: 70,
    });
    const [link] = await ctx.db.query('SELECT quiz_id FROM lessons WHERE id = $1', [
      draftLesson.id,
    ]);
    expect(link.quiz_id).toBe(forked.id);
  });

  it('first publish: everything is added; only staff and admins may ask', async () => {
    const created = await http()
      .post('/api/v1/courses')
      .set(bearer(owner))
      .send({
        code: 'FIRST-1',
        titleId: 'Pertama',
        titleEn: 'First',
        competencyCode: 'AK3U',
        jpHours: 1,
      })
      .expect(201);
    const courseId = created.body.id as string;
    const module = await http()
      .post(`/api/v1/courses/${courseId}/modules`)
      .set(bearer(owner))
      .send({ titleId: 'Modul', titleEn: 'Module' })
      .expect(201);
    await http()
      .post(`/api/v1/courses/${courseId}/modules/${module.body.id}/lessons`)
      .set(bearer(owner))
      .send({ type: 'video', titleId: 'Video', titleEn: 'Video' })
      .expect(201);
    const preview = await http()
      .get(`/api/v1/courses/${courseId}/publish-preview`)
      .set(bearer(admin))
      .expect(200);
    expect(preview.body).toMatchObject({
      draftVersionNo: 1,
      publishedVersionNo: null,
      hasChanges: true,
      modules: { added: [expect.objectContaining({ id: module.body.id })] },
      lessons: { added: [expect.objectContaining({ type: 'video' })] },
      problems: [expect.objectContaining({ code: 'VIDEO_MISSING' })],
    });
    const pinned = await http()
      .get(`/api/v1/courses/${courseId}/pinned-learners`)
      .set(bearer(owner))
      .expect(200);
    expect(pinned.body).toEqual({ total: 0, byVersion: [], items: [], nextCursor: null });

    for (const path of ['publish-preview', 'pinned-learners']) {
      for (const user of [hr, learner]) {
        const res = await http().get(`/api/v1/courses/${courseId}/${path}`).set(bearer(user));
        expect({ path, role: user.role, status: res.status }).toEqual({
          path,
          role: user.role,
          status: 403,
        });
      }
      const outside = await http().get(`/api/v1/courses/${courseId}/${path}`).set(bearer(outsider));
      expect({ path, status: outside.status }).toEqual({ path, status: 404 });
      const missing = await http()
        .get(`/api/v1/courses/00000000-0000-4000-8000-000000000000/${path}`)
        .set(bearer(admin));
      expect({ path, status: missing.status }).toEqual({ path, status: 404 });
      await http().get(`/api/v1/courses/${courseId}/${path}`).expect(401);
    }
  });

  it('pages the pinned learners (keyset), every page carrying the total', async () => {
    const course = await createPublishedCourse(ctx, owner);
    const enrolled = [];
    for (let i = 0; i < 5; i += 1) enrolled.push(await enrolledLearner(ctx, course.courseId));
    await http().post(`/api/v1/courses/${course.courseId}/versions`).set(bearer(owner)).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: {
        body: { total: number; items: { userId: string }[]; nextCursor: string | null };
      } = await http()
        .get(`/api/v1/courses/${course.courseId}/pinned-learners`)
        .query({ limit: 2, ...(cursor ? { cursor } : {}) })
        .set(bearer(owner))
        .expect(200);
      expect(res.body.total).toBe(5);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((i) => i.userId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(enrolled.map((l) => l.id).sort());
    await http()
      .get(`/api/v1/courses/${course.courseId}/pinned-learners?cursor=bm9wZQ`)
      .set(bearer(owner))
      .expect(400);
  });
});
