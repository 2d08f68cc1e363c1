import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser, isAuthor, Role } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { isUniqueViolation } from '../../database/pg-errors';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import { CourseAccess } from './course-access.service';
import { isPermutation, publishProblems, resolveMinSeconds } from './domain/lesson-rules';
import {
  CourseSummaryView,
  CourseView,
  CreateCourseDto,
  CreateLessonDto,
  ListCoursesQueryDto,
  ModuleDto,
  UpdateCourseDto,
  UpdateLessonDto,
  UpdateModuleDto,
  VersionView,
} from './dto/course.dto';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseVersion } from './entities/course-version.entity';
import { Course } from './entities/course.entity';
import { Lesson, LessonContent } from './entities/lesson.entity';
import { CourseSummaryRow, toCourseSummary, toVersionView } from './courses.views';

/** What the quizzes and enrollments modules need to know about a lesson. */
export interface LessonRef {
  lessonId: string;
  courseId: string;
  courseVersionId: string;
  versionStatus: CourseVersion['status'];
  type: Lesson['type'];
  quizId: string | null;
}

/** A published version's lessons in course order; immutable once published, so cached. */
export interface VersionOutline {
  versionId: string;
  courseId: string;
  sequential: boolean;
  jpHours: number;
  lessons: {
    id: string;
    moduleId: string;
    type: Lesson['type'];
    required: boolean;
    minSeconds: number;
    titleId: string;
    titleEn: string;
  }[];
}

@Injectable()
export class CoursesService {
  private readonly outlines = new Map<string, VersionOutline>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly access: CourseAccess,
  ) {}

  // ---- authoring ---------------------------------------------------------------------------

  async create(dto: CreateCourseDto, actor: AuthUser): Promise<CourseView> {
    const { code, ...fields } = dto;
    try {
      // A trigger on courses puts the creator on the course staff as owner.
      const courseId = await this.dataSource.transaction(async (tx) => {
        const course = await tx.save(tx.create(Course, { code, createdById: actor.id }));
        await tx.insert(CourseVersion, {
          ...fields,
          courseId: course.id,
          versionNo: 1,
          status: 'draft',
        });
        await this.audit.record(
          {
            actorId: actor.id,
            action: 'course.created',
            entityType: 'course',
            entityId: course.id,
            data: { code },
          },
          tx,
        );
        return course.id;
      });
      return this.get(courseId, actor);
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError('COURSE_CODE_TAKEN', `Course code ${code} already exists`);
      }
      throw e;
    }
  }

  /**
   * Admins see every course (its newest version); instructors the courses they staff (newest
   * version) and the published catalogue; HR and learners the published catalogue.
   */
  async list(query: ListCoursesQueryDto, actor: AuthUser): Promise<Page<CourseSummaryView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    let versionFilter = `AND cv.status = 'published'`;
    if (actor.role === Role.Admin) versionFilter = '';
    if (actor.role === Role.Instructor) {
      params.push(actor.id);
      versionFilter = `AND (cv.status = 'published' OR EXISTS (SELECT 1 FROM course_staff s
                             WHERE s.course_id = c.id AND s.user_id = $${params.length}))`;
    }
    if (query.search) {
      params.push(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(v.title_id ILIKE $${params.length} OR v.title_en ILIKE $${params.length} OR c.code ILIKE $${params.length})`,
      );
    }
    const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(c.created_at, c.id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(query.limit + 1);
    const versionPick = `SELECT * FROM course_versions cv WHERE cv.course_id = c.id ${versionFilter}
                          ORDER BY cv.version_no DESC LIMIT 1`;
    const rows: CourseSummaryRow[] = await this.dataSource.query(
      `SELECT c.id, c.code, c.created_at, v.id AS version_id, v.version_no, v.status, v.title_id,
              v.title_en, v.competency_code, v.jp_hours, v.enrollment_mode, v.tags
         FROM courses c
         CROSS JOIN LATERAL (${versionPick}) v
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.created_at DESC, c.id DESC
        LIMIT $${params.length}`,
      params,
    );
    const page = toPage(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
    return { items: page.items.map(toCourseSummary), nextCursor: page.nextCursor };
  }

  async get(id: string, actor: AuthUser): Promise<CourseView> {
    const course = await this.dataSource.manager.findOneBy(Course, { id });
    if (!course) throw notFound('Course');
    const published = await this.versionWithOutline(id, 'published');
    // Instructors outside the course staff see what the catalogue shows.
    if (!(await this.access.isStaff(actor, id))) {
      if (!published) throw notFound('Course');
      // The outline only: learners read content through their enrollment (rendered, in order).
      for (const module of published.modules ?? []) {
        for (const lesson of module.lessons) lesson.content = {};
      }
      return { id, code: course.code, published };
    }
    const draft = await this.versionWithOutline(id, 'draft');
    // A course with no published version (never published, or archived) still shows its newest.
    const latest = published
      ? null
      : await this.dataSource.manager.findOne(CourseVersion, {
          where: { courseId: id },
          order: { versionNo: 'DESC' },
        });
    return {
      id,
      code: course.code,
      published: published ?? (latest && latest.status !== 'draft' ? toVersionView(latest) : null),
      draft,
    };
  }

  async listVersions(id: string): Promise<VersionView[]> {
    const versions = await this.dataSource.manager.find(CourseVersion, {
      where: { courseId: id },
      order: { versionNo: 'DESC' },
    });
    if (!versions.length) throw notFound('Course');
    return versions.map((v) => toVersionView(v));
  }

  async update(id: string, dto: UpdateCourseDto, actor: AuthUser): Promise<CourseView> {
    const draft = await this.draftOf(id);
    await this.dataSource.manager.update(CourseVersion, { id: draft.id }, { ...dto });
    await this.audit.record({
      actorId: actor.id,
      action: 'course.updated',
      entityType: 'course',
      entityId: id,
      data: { fields: Object.keys(dto) },
    });
    return this.get(id, actor);
  }

  async addModule(courseId: string, dto: ModuleDto): Promise<CourseModuleEntity> {
    const draft = await this.draftOf(courseId);
    const [{ next }] = await this.dataSource.query(
      'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM course_modules WHERE course_version_id = $1',
      [draft.id],
    );
    return this.dataSource.manager.save(
      this.dataSource.manager.create(CourseModuleEntity, {
        ...dto,
        courseVersionId: draft.id,
        position: next,
      }),
    );
  }

  async updateModule(
    courseId: string,
    moduleId: string,
    dto: UpdateModuleDto,
  ): Promise<CourseModuleEntity> {
    const module = await this.draftModule(courseId, moduleId);
    Object.assign(module, dto);
    return this.dataSource.manager.save(module);
  }

  async deleteModule(courseId: string, moduleId: string): Promise<void> {
    const module = await this.draftModule(courseId, moduleId);
    await this.dataSource.manager.delete(CourseModuleEntity, { id: module.id });
  }

  async reorderModules(courseId: string, ids: string[]): Promise<void> {
    const draft = await this.draftOf(courseId);
    await this.dataSource.transaction(async (tx) => {
      const current = await tx.find(CourseModuleEntity, { where: { courseVersionId: draft.id } });
      this.assertPermutation(
        current.map((m) => m.id),
        ids,
      );
      await this.applyOrder(tx, 'course_modules', ids);
    });
  }

  async addLesson(courseId: string, moduleId: string, dto: CreateLessonDto): Promise<Lesson> {
    const module = await this.draftModule(courseId, moduleId);
    const [{ next }] = await this.dataSource.query(
      'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM lessons WHERE module_id = $1',
      [module.id],
    );
    return this.dataSource.manager.save(
      this.dataSource.manager.create(Lesson, {
        courseVersionId: module.courseVersionId,
        moduleId: module.id,
        position: next,
        type: dto.type,
        titleId: dto.titleId,
        titleEn: dto.titleEn,
        required: dto.required ?? true,
        minSeconds: dto.minSeconds ?? null,
        content: this.contentFor(dto.type, dto.content ?? {}, {}),
        quizId: null,
      }),
    );
  }

  async updateLesson(courseId: string, lessonId: string, dto: UpdateLessonDto): Promise<Lesson> {
    const lesson = await this.draftLesson(courseId, lessonId);
    const { content, ...fields } = dto;
    Object.assign(lesson, fields);
    if (content) lesson.content = this.contentFor(lesson.type, content, lesson.content);
    return this.dataSource.manager.save(lesson);
  }

  async deleteLesson(courseId: string, lessonId: string): Promise<void> {
    const lesson = await this.draftLesson(courseId, lessonId);
    await this.dataSource.manager.delete(Lesson, { id: lesson.id });
  }

  async reorderLessons(courseId: string, moduleId: string, ids: string[]): Promise<void> {
    const module = await this.draftModule(courseId, moduleId);
    await this.dataSource.transaction(async (tx) => {
      const current = await tx.find(Lesson, { where: { moduleId: module.id } });
      this.assertPermutation(
        current.map((l) => l.id),
        ids,
      );
      await this.applyOrder(tx, 'lessons', ids);
    });
  }

  /** Used by the file upload: only a draft file lesson may receive a file. */
  async draftLesson(courseId: string, lessonId: string): Promise<Lesson> {
    const draft = await this.draftOf(courseId);
    const lesson = await this.dataSource.manager
      .getRepository(Lesson)
      .createQueryBuilder('l')
      .innerJoin(CourseVersion, 'v', 'v.id = l.courseVersionId')
      .where('l.id = :lessonId AND v.courseId = :courseId', { lessonId, courseId })
      .getOne();
    if (!lesson) throw notFound('Lesson');
    if (lesson.courseVersionId !== draft.id) {
      throw new DomainError('LESSON_NOT_EDITABLE', 'Only lessons of the draft version can change');
    }
    return lesson;
  }

  async setLessonFile(lessonId: string, file: NonNullable<LessonContent['file']>): Promise<Lesson> {
    // One statement: a lesson deleted meanwhile is a 404, never a row written back.
    const updated = returnedRows<{ id: string }>(
      await this.dataSource.query(
        `UPDATE lessons SET content = jsonb_set(COALESCE(content, '{}'::jsonb), '{file}', $2::jsonb)
         WHERE id = $1 RETURNING id`,
        [lessonId, JSON.stringify(file)],
      ),
    );
    if (updated.length === 0) throw notFound('Lesson');
    const lesson = await this.dataSource.manager.findOneBy(Lesson, { id: lessonId });
    if (!lesson) throw notFound('Lesson');
    return lesson;
  }

  // ---- versions ----------------------------------------------------------------------------

  /** Freezes the draft; the previous published version stays pinned for its enrollments. */
  async publish(courseId: string, actor: AuthUser): Promise<CourseView> {
    await this.dataSource.transaction(async (tx) => {
      const draft = await tx
        .getRepository(CourseVersion)
        .createQueryBuilder('v')
        .setLock('pessimistic_write')
        .where('v.courseId = :courseId AND v.status = :s', { courseId, s: 'draft' })
        .getOne();
      if (!draft) throw this.draftRequired(courseId);
      const lessons = await tx
        .getRepository(Lesson)
        .createQueryBuilder('l')
        .innerJoin(CourseModuleEntity, 'm', 'm.id = l.moduleId')
        .where('l.courseVersionId = :id', { id: draft.id })
        .orderBy('m.position')
        .addOrderBy('l.position')
        .getMany();
      const problems = publishProblems(
        lessons.map((l) => ({
          id: l.id,
          type: l.type,
          hasFile: !!l.content?.file,
          hasVideo: !!l.content?.videoUrl,
          quizId: l.quizId,
        })),
      );
      if (problems.length) {
        throw new DomainError('COURSE_NOT_PUBLISHABLE', 'The draft is not ready to publish', {
          problems,
        });
      }
      const readingLessons = lessons.filter((l) => l.type === 'text' || l.type === 'file').length;
      for (const lesson of lessons) {
        const minSeconds = resolveMinSeconds(
          {
            type: lesson.type,
            minSeconds: lesson.minSeconds,
            durationSeconds: lesson.content?.durationSeconds,
          },
          draft.jpHours,
          readingLessons,
        );
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
    return this.get(courseId, actor);
  }

  /** No new enrollments; existing ones continue on their pinned version. */
  async archive(courseId: string, actor: AuthUser): Promise<CourseView> {
    const result = await this.dataSource.manager.update(
      CourseVersion,
      { courseId, status: 'published' },
      { status: 'archived' },
    );
    if (!result.affected) {
      await this.assertCourseExists(courseId);
      throw new DomainError('COURSE_NOT_PUBLISHED', 'The course has no published version');
    }
    await this.audit.record({
      actorId: actor.id,
      action: 'course.archived',
      entityType: 'course',
      entityId: courseId,
    });
    return this.get(courseId, actor);
  }

  /** Copies the newest frozen version (modules, lessons, quiz links) into a new draft. */
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
        for (const m of modules) {
          const copy = await tx.save(
            tx.create(CourseModuleEntity, {
              courseVersionId: draft.id,
              position: m.position,
              titleId: m.titleId,
              titleEn: m.titleEn,
            }),
          );
          const rows = lessons
            .filter((l) => l.moduleId === m.id)
            .map(({ id: _lid, ...l }) => ({ ...l, courseVersionId: draft.id, moduleId: copy.id }));
          if (rows.length) await tx.insert(Lesson, rows);
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
    return this.get(courseId, actor);
  }

  // ---- read helpers for other modules ------------------------------------------------------

  async publishedVersion(courseId: string, manager?: EntityManager): Promise<CourseVersion> {
    const version = await (manager ?? this.dataSource.manager).findOneBy(CourseVersion, {
      courseId,
      status: 'published',
    });
    if (!version) {
      const exists = await (manager ?? this.dataSource.manager).existsBy(CourseVersion, {
        courseId,
        status: In(['published', 'superseded', 'archived']),
      });
      if (!exists) throw notFound('Course');
      throw new DomainError('COURSE_NOT_PUBLISHED', 'The course is not open for enrollment');
    }
    return version;
  }

  async outline(versionId: string, manager?: EntityManager): Promise<VersionOutline> {
    const cached = this.outlines.get(versionId);
    if (cached) return cached;
    const m = manager ?? this.dataSource.manager;
    const version = await m.findOneBy(CourseVersion, { id: versionId });
    if (!version) throw notFound('Course version');
    const lessons: {
      id: string;
      module_id: string;
      type: Lesson['type'];
      required: boolean;
      min_seconds: number | null;
      title_id: string;
      title_en: string;
    }[] = await m.query(
      `SELECT l.id, l.module_id, l.type, l.required, l.min_seconds, l.title_id, l.title_en
         FROM lessons l JOIN course_modules cm ON cm.id = l.module_id
        WHERE l.course_version_id = $1
        ORDER BY cm.position, l.position, l.id`,
      [versionId],
    );
    const outline: VersionOutline = {
      versionId,
      courseId: version.courseId,
      sequential: version.sequential,
      jpHours: version.jpHours,
      lessons: lessons.map((l) => ({
        id: l.id,
        moduleId: l.module_id,
        type: l.type,
        required: l.required,
        minSeconds: l.min_seconds ?? 0,
        titleId: l.title_id,
        titleEn: l.title_en,
      })),
    };
    if (version.status !== 'draft') this.outlines.set(versionId, outline);
    return outline;
  }

  async lesson(lessonId: string): Promise<Lesson> {
    const lesson = await this.dataSource.manager.findOneBy(Lesson, { id: lessonId });
    if (!lesson) throw notFound('Lesson');
    return lesson;
  }

  /** For the quizzes module: where a lesson lives, whatever its version's status. */
  async getLessonRef(lessonId: string): Promise<LessonRef> {
    const [row] = await this.dataSource.query(
      `SELECT l.id, l.type, l.quiz_id, v.id AS version_id, v.course_id, v.status
         FROM lessons l JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = $1`,
      [lessonId],
    );
    if (!row) throw notFound('Lesson');
    return {
      lessonId: row.id,
      courseId: row.course_id,
      courseVersionId: row.version_id,
      versionStatus: row.status,
      type: row.type,
      quizId: row.quiz_id,
    };
  }

  /** Same as getLessonRef, but only for lessons learners can currently meet (published). */
  async getPublishedVersionOfLesson(lessonId: string): Promise<LessonRef | null> {
    const ref = await this.getLessonRef(lessonId);
    return ref.versionStatus === 'published' ? ref : null;
  }

  /** For the quizzes module: links a quiz to a draft quiz lesson (versions freeze on publish). */
  async setLessonQuiz(lessonId: string, quizId: string | null): Promise<void> {
    const ref = await this.getLessonRef(lessonId);
    if (ref.type !== 'quiz') {
      throw new DomainError('LESSON_TYPE_MISMATCH', 'Only quiz lessons take a quiz');
    }
    if (ref.versionStatus !== 'draft') {
      throw new DomainError('LESSON_NOT_EDITABLE', 'Only lessons of the draft version can change');
    }
    await this.dataSource.manager.update(Lesson, { id: lessonId }, { quizId });
  }

  // ---- internals ---------------------------------------------------------------------------

  private async versionWithOutline(
    courseId: string,
    status: 'draft' | 'published',
  ): Promise<VersionView | null> {
    const m = this.dataSource.manager;
    const version = await m.findOneBy(CourseVersion, { courseId, status });
    if (!version) return null;
    const modules = await m.find(CourseModuleEntity, {
      where: { courseVersionId: version.id },
      order: { position: 'ASC' },
    });
    const lessons = await m.find(Lesson, {
      where: { courseVersionId: version.id },
      order: { position: 'ASC' },
    });
    return toVersionView(version, modules, lessons);
  }

  private async draftOf(courseId: string): Promise<CourseVersion> {
    const draft = await this.dataSource.manager.findOneBy(CourseVersion, {
      courseId,
      status: 'draft',
    });
    if (!draft) throw await this.draftRequiredOrMissing(courseId);
    return draft;
  }

  private async draftModule(courseId: string, moduleId: string): Promise<CourseModuleEntity> {
    const draft = await this.draftOf(courseId);
    const module = await this.dataSource.manager
      .getRepository(CourseModuleEntity)
      .createQueryBuilder('m')
      .innerJoin(CourseVersion, 'v', 'v.id = m.courseVersionId')
      .where('m.id = :moduleId AND v.courseId = :courseId', { moduleId, courseId })
      .getOne();
    if (!module) throw notFound('Module');
    if (module.courseVersionId !== draft.id) {
      throw new DomainError('LESSON_NOT_EDITABLE', 'Only modules of the draft version can change');
    }
    return module;
  }

  private contentFor(
    type: Lesson['type'],
    input: { markdown?: string; videoUrl?: string; durationSeconds?: number },
    previous: LessonContent,
  ): LessonContent {
    const wrongFields =
      (type !== 'text' && input.markdown !== undefined) ||
      (type !== 'video' && (input.videoUrl !== undefined || input.durationSeconds !== undefined));
    if (wrongFields) {
      throw new DomainError(
        'LESSON_TYPE_MISMATCH',
        `These content fields do not fit a ${type} lesson`,
      );
    }
    return { ...previous, ...input };
  }

  private assertPermutation(current: string[], requested: string[]): void {
    if (!isPermutation(current, requested)) {
      throw new DomainError('INVALID_ORDER', 'List every current id exactly once', { current });
    }
  }

  private async applyOrder(tx: EntityManager, table: string, ids: string[]): Promise<void> {
    await tx.query(
      `UPDATE ${table} t SET position = o.ord
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, ord) WHERE t.id = o.id`,
      [ids],
    );
  }

  private async assertCourseExists(courseId: string): Promise<void> {
    if (!(await this.dataSource.manager.existsBy(Course, { id: courseId }))) {
      throw notFound('Course');
    }
  }

  private async draftRequiredOrMissing(courseId: string): Promise<DomainError> {
    await this.assertCourseExists(courseId);
    return this.draftRequired(courseId);
  }

  private draftRequired(courseId: string): DomainError {
    return new DomainError(
      'DRAFT_REQUIRED',
      'Published versions are frozen: create a new draft version to edit',
      { courseId },
    );
  }
}
