import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { isUniqueViolation } from '../../database/pg-errors';
import { returnedRows } from '../../database/raw';
import { AuditService } from '../audit';
import { CourseCatalog } from './course-catalog.service';
import { draftRequired } from './draft-errors';
import { isPermutation } from './domain/lesson-rules';
import {
  CourseView,
  CreateCourseDto,
  CreateLessonDto,
  ModuleDto,
  MoveLessonDto,
  UpdateCourseDto,
  UpdateLessonDto,
  UpdateModuleDto,
} from './dto/course.dto';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseVersion } from './entities/course-version.entity';
import { Course } from './entities/course.entity';
import { Lesson, LessonContent } from './entities/lesson.entity';

/** Courses and their draft version's modules and lessons: create, edit, reorder, delete. */
@Injectable()
export class CourseAuthoring {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly catalog: CourseCatalog,
  ) {}

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
      return this.catalog.get(courseId, actor);
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new DomainError('COURSE_CODE_TAKEN', `Course code ${code} already exists`);
      }
      throw e;
    }
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
    return this.catalog.get(id, actor);
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

  /**
   * Moves a draft lesson to `position` (1-based, default last) of a module of the same draft,
   * possibly its own; both modules' lessons stay numbered 1..n.
   */
  async moveLesson(courseId: string, lessonId: string, dto: MoveLessonDto): Promise<Lesson> {
    const lesson = await this.draftLesson(courseId, lessonId);
    const target = await this.draftModule(courseId, dto.moduleId);
    return this.dataSource.transaction(async (tx) => {
      // Both modules locked in one order, so two concurrent moves between them cannot deadlock.
      await tx.query('SELECT id FROM course_modules WHERE id = ANY($1) ORDER BY id FOR UPDATE', [
        [lesson.moduleId, target.id],
      ]);
      const lessonIdsOf = async (moduleId: string): Promise<string[]> =>
        (
          (await tx.query('SELECT id FROM lessons WHERE module_id = $1 ORDER BY position, id', [
            moduleId,
          ])) as { id: string }[]
        )
          .map((r) => r.id)
          .filter((id) => id !== lesson.id);
      const sourceIds = await lessonIdsOf(lesson.moduleId);
      const targetIds = target.id === lesson.moduleId ? sourceIds : await lessonIdsOf(target.id);
      const position = dto.position ?? targetIds.length + 1;
      if (position > targetIds.length + 1) {
        throw new DomainError('INVALID_POSITION', 'The position is past the end of the module', {
          maxPosition: targetIds.length + 1,
        });
      }
      targetIds.splice(position - 1, 0, lesson.id);
      await tx.query('UPDATE lessons SET module_id = $2 WHERE id = $1', [lesson.id, target.id]);
      if (target.id !== lesson.moduleId) await this.applyOrder(tx, 'lessons', sourceIds);
      await this.applyOrder(tx, 'lessons', targetIds);
      return tx.findOneByOrFail(Lesson, { id: lesson.id });
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

  private async draftOf(courseId: string): Promise<CourseVersion> {
    const draft = await this.dataSource.manager.findOneBy(CourseVersion, {
      courseId,
      status: 'draft',
    });
    if (!draft) {
      await this.catalog.assertCourseExists(courseId);
      throw draftRequired(courseId);
    }
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
}
