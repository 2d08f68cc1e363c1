import { randomBytes } from 'node:crypto';
import { bearer, TestContext } from './test-app';

export interface LessonSpec {
  type?: 'text' | 'video';
  required?: boolean;
  minSeconds?: number;
}

export interface SeededCourse {
  courseId: string;
  lessonIds: string[];
  moduleId: string;
}

/** Authors a one-module course through the API and publishes it. */
export async function createPublishedCourse(
  ctx: TestContext,
  author: { token: string },
  options: {
    lessons?: LessonSpec[];
    sequential?: boolean;
    enrollmentMode?: 'open' | 'assigned';
    jpHours?: number;
  } = {},
): Promise<SeededCourse> {
  const code = `K3-${randomBytes(4).toString('hex')}`;
  const course = await ctx
    .http()
    .post('/api/v1/courses')
    .set(bearer(author))
    .send({
      code,
      titleId: `Kursus ${code}`,
      titleEn: `Course ${code}`,
      competencyCode: 'AK3U',
      jpHours: options.jpHours ?? 2,
      certificateValidityMonths: 36,
      enrollmentMode: options.enrollmentMode ?? 'open',
      sequential: options.sequential ?? false,
      tags: ['k3'],
    })
    .expect(201);
  const courseId = course.body.id as string;
  const module = await ctx
    .http()
    .post(`/api/v1/courses/${courseId}/modules`)
    .set(bearer(author))
    .send({ titleId: 'Modul 1', titleEn: 'Module 1' })
    .expect(201);
  const lessonIds: string[] = [];
  for (const [i, spec] of (options.lessons ?? [{ minSeconds: 0 }]).entries()) {
    const type = spec.type ?? 'text';
    const res = await ctx
      .http()
      .post(`/api/v1/courses/${courseId}/modules/${module.body.id}/lessons`)
      .set(bearer(author))
      .send({
        type,
        titleId: `Pelajaran ${i + 1}`,
        titleEn: `Lesson ${i + 1}`,
        required: spec.required ?? true,
        ...(spec.minSeconds !== undefined && { minSeconds: spec.minSeconds }),
        content:
          type === 'video'
            ? { videoUrl: 'https://video.example.com/k3.mp4', durationSeconds: 120 }
            : { markdown: `# Bab ${i + 1}\n\nIsi **materi**.` },
      })
      .expect(201);
    lessonIds.push(res.body.id);
  }
  await ctx.http().post(`/api/v1/courses/${courseId}/publish`).set(bearer(author)).expect(200);
  return { courseId, lessonIds, moduleId: module.body.id };
}

/** Moves the learner's clock back, as if `seconds` had passed since the last heartbeat. */
export async function elapse(ctx: TestContext, enrollmentId: string, seconds: number) {
  await ctx.db.query(
    `UPDATE enrollments SET last_activity_at = now() - make_interval(secs => $2) WHERE id = $1`,
    [enrollmentId, seconds],
  );
}
