import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../database/pg-errors';
import { AuditService } from '../audit';
import { CourseCatalog } from './course-catalog.service';
import { draftRequired } from './draft-errors';
import { publishProblems, resolveMinSeconds } from './domain/lesson-rules';
import { COURSE_DIFF_FIELDS, DiffQuiz, DiffVersion, publishDiff } from './domain/publish-diff';
import { CourseView } from './dto/course.dto';
import { PublishPreviewView } from './dto/publish-preview.dto';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseVersion } from './entities/course-version.entity';
import { Lesson } from './entities/lesson.entity';
import { DraftQuizCopy, LessonQuizHooks } from './lesson-quiz-hooks';

/** A course's versions: publish the draft, archive, and start a new draft from a frozen one. */
@Injectable()
export class CoursePublishing {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly catalog: CourseCatalog,
    private readonly quizHooks: LessonQuizHooks,
  ) {}

  /** Freezes the draft; the previous published version stays pinned for its enrollments. */
  async publish(courseId: string, actor: AuthUser): Promise<CourseView> {
    await this.dataSource.transaction(async (tx) => {
      const draft = await tx
        .getRepository(CourseVersion)
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .where('v.courseId = :courseId AND v.status = :s', { courseId, s: 'draft' })
        .getOne();
      if (!draft) throw draftRequired(courseId);
      const lessons = await tx
        .getRepository(Lesson)
        .createQueryBuilder('l')
        .innerJoin(CourseModuleEntity, 'm', 'm.id = l.moduleId')
        .where('l.courseVersionId = :id', { id: draft.id })
        .orderBy('m.position')
        .addOrderBy('l.position')
        .getMany();
      const problems = problemsOf(lessons);
      if (problems.length) {
        throw new DomainError('COURSE_NOT_PUBLISHABLE', 'The draft is not ready to publish', {
          problems,
        });
      }
      const resolved = resolvedMinSeconds(lessons, draft.jpHours);
      for (const lesson of lessons) {
        const minSeconds = resolved.get(lesson.id);
        if (minSeconds !== lesson.minSeconds) await tx.update(Lesson, lesson.id, { minSeconds });
      }
      await tx.update(
        CourseVersion,
        { courseId, status: In(['published', 'archived']) },
        { status: 'superseded' },
      );
      await tx.update(
        CourseVersion,
        { id: draft.id },
        { status: 'published', publishedAt: new Date() },
      );
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'course.published',
          entityType: 'course',
          entityId: courseId,
          data: { versionId: draft.id, versionNo: draft.versionNo },
        },
        tx,
      );
    });
    return this.catalog.get(courseId, actor);
  }

  /**
   * What publishing the draft now would change for learners: the draft against the version they
   * meet today (published, or archived), and why publishing would be refused. Writes nothing.
   */
  async preview(courseId: string): Promise<PublishPreviewView> {
    const m = this.dataSource.manager;
    const draft = await m.findOneBy(CourseVersion, { courseId, status: 'draft' });
    if (!draft) {
      await this.catalog.assertCourseExists(courseId);
      throw draftRequired(courseId);
    }
    const current = await m.findOne(CourseVersion, {
      where: { courseId, status: In(['published', 'archived']) },
      order: { versionNo: 'DESC' },
    });
    const draftSide = await this.diffSide(draft, true);
    const currentSide = current ? (await this.diffSide(current, false)).side : null;
    const diff = publishDiff(currentSide, draftSide.side);
    return {
      draftVersionNo: draft.versionNo,
      publishedVersionNo: current?.versionNo ?? null,
      ...diff,
      problems: problemsOf(draftSide.lessons),
    };
  }

  private async diffSide(version: CourseVersion, isDraft: boolean) {
    const m = this.dataSource.manager;
    const modules = await m.find(CourseModuleEntity, { where: { courseVersionId: version.id } });
    const lessons = await m.find(Lesson, { where: { courseVersionId: version.id } });
    // A draft's minimum times as publishing will resolve them; frozen versions hold them already.
    const resolved = isDraft ? resolvedMinSeconds(lessons, version.jpHours) : null;
    const quizzes = await this.quizHooks.diffSides(
      lessons.flatMap((l) => (l.quizId ? [l.quizId] : [])),
    );
    const side: DiffVersion = {
      fields: Object.fromEntries(
        COURSE_DIFF_FIELDS.map((f) => [f, version[f]]),
      ) as DiffVersion['fields'],
      modules: modules.map((mod) => ({
        id: mod.id,
        key: mod.moduleKey,
        position: mod.position,
        titleId: mod.titleId,
        titleEn: mod.titleEn,
      })),
      lessons: lessons.map((l) => ({
        id: l.id,
        key: l.lessonKey,
        moduleKey: modules.find((mod) => mod.id === l.moduleId)?.moduleKey ?? l.moduleId,
        position: l.position,
        type: l.type,
        titleId: l.titleId,
        titleEn: l.titleEn,
        required: l.required,
        minSeconds: resolved?.get(l.id) ?? l.minSeconds ?? 0,
        content: {
          markdown: l.content?.markdown,
          videoUrl: l.content?.videoUrl,
          durationSeconds: l.content?.durationSeconds,
          fileSha256: l.content?.file?.sha256,
        },
        quiz: l.quizId ? (quizzes.get(l.quizId) ?? unknownQuiz(l.quizId)) : null,
      })),
    };
    return { side, lessons };
  }

  /** No new enrollments; existing ones continue on their pinned version. */
  async archive(courseId: string, actor: AuthUser): Promise<CourseView> {
    const result = await this.dataSource.manager.update(
      CourseVersion,
      { courseId, status: 'published' },
      { status: 'archived' },
    );
    if (!result.affected) {
      await this.catalog.assertCourseExists(courseId);
      throw new DomainError('COURSE_NOT_PUBLISHED', 'The course has no published version');
    }
    await this.audit.record({
      actorId: actor.id,
      action: 'course.archived',
      entityType: 'course',
      entityId: courseId,
    });
    return this.catalog.get(courseId, actor);
  }

  /**
   * Copies the newest frozen version into a new draft: modules, lessons, and a copy of each quiz
   * (same key), so editing the draft's quiz leaves learners on the frozen version untouched.
   */
  async createDraft(courseId: string, actor: AuthUser): Promise<CourseView> {
    try {
      await this.dataSource.transaction(async (tx) => {
        const source = await tx.findOne(CourseVersion, {
          where: { courseId },
          order: { versionNo: 'DESC' },
        });
        if (!source) throw notFound('Course');
        if (source.status === 'draft') {
          throw new DomainError('DRAFT_EXISTS', 'The course already has a draft version');
        }
        const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = source;
        const draft = await tx.save(
          tx.create(CourseVersion, {
            ...fields,
            versionNo: source.versionNo + 1,
            status: 'draft',
            publishedAt: null,
          }),
        );
        const modules = await tx.find(CourseModuleEntity, {
          where: { courseVersionId: source.id },
        });
        const lessons = await tx.find(Lesson, { where: { courseVersionId: source.id } });
        const quizCopies: DraftQuizCopy[] = [];
        for (const m of modules) {
          const copy = await tx.save(
            tx.create(CourseModuleEntity, {
              courseVersionId: draft.id,
              moduleKey: m.moduleKey,
              position: m.position,
              titleId: m.titleId,
              titleEn: m.titleEn,
            }),
          );
          const sourceLessons = lessons.filter((l) => l.moduleId === m.id);
          if (!sourceLessons.length) continue;
          const inserted = await tx.insert(
            Lesson,
            sourceLessons.map(({ id: _lid, ...l }) => ({
              ...l,
              courseVersionId: draft.id,
              moduleId: copy.id,
            })),
          );
          sourceLessons.forEach((l, i) => {
            if (l.quizId) {
              quizCopies.push({ quizId: l.quizId, draftLessonId: inserted.identifiers[i].id });
            }
          });
        }
        const draftQuizzes = await this.quizHooks.copyForDraft(quizCopies, tx);
        for (const [lessonId, quizId] of draftQuizzes) {
          await tx.update(Lesson, { id: lessonId }, { quizId });
        }
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'course.draft_created',
            entityType: 'course',
            entityId: courseId,
            data: { versionNo: draft.versionNo },
          },
          tx,
        );
      });
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError('DRAFT_EXISTS', 'The course already has a draft version');
      }
      throw e;
    }
    return this.catalog.get(courseId, actor);
  }
}

/** A quiz the quizzes module does not describe: compared by identity only. */
function unknownQuiz(quizId: string): DiffQuiz {
  return { key: quizId, settings: {} as DiffQuiz['settings'] };
}

function problemsOf(lessons: readonly Lesson[]) {
  return publishProblems(
    lessons.map((l) => ({
      id: l.id,
      type: l.type,
      hasFile: !!l.content?.file,
      hasVideo: !!l.content?.videoUrl,
      quizId: l.quizId,
    })),
  );
}

/** Each draft lesson's minimum time as publishing sets it, by lesson id. */
function resolvedMinSeconds(lessons: readonly Lesson[], jpHours: number): Map<string, number> {
  const readingLessons = lessons.filter((l) => l.type === 'text' || l.type === 'file').length;
  return new Map(
    lessons.map((l) => [
      l.id,
      resolveMinSeconds(
        { type: l.type, minSeconds: l.minSeconds, durationSeconds: l.content?.durationSeconds },
        jpHours,
        readingLessons,
      ),
    ]),
  );
}
