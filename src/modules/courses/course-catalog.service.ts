import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser, Role } from '../../common/auth/roles';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { decodeCursor, Page, toPage } from '../../common/paging/cursor';
import { CourseAccess } from './course-access.service';
import { CourseSummaryView, CourseView, ListCoursesQueryDto, VersionView } from './dto/course.dto';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseVersion } from './entities/course-version.entity';
import { Course } from './entities/course.entity';
import { Lesson } from './entities/lesson.entity';
import { CourseSummaryRow, toCourseSummary, toVersionView } from './courses.views';

/** What the quizzes and enrollments modules need to know about a lesson. */
export interface LessonRef {
  lessonId: string;
  courseId: string;
  courseVersionId: string;
  versionNo: number;
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
  /** What a certificate of this version snapshots besides jpHours. */
  titleId: string;
  titleEn: string;
  competencyCode: string;
  certificateValidityMonths: number;
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

/**
 * Courses as readers meet them: the catalogue, course and version views, and the lookups the
 * quizzes and enrollments modules make. The one courses service exported to other modules;
 * authoring and publishing stay inside.
 */
@Injectable()
export class CourseCatalog {
  private readonly outlines = new Map<string, VersionOutline>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
  ) {}

  /**
   * Admins see every course (its newest version); instructors the courses they staff (newest
   * version) and the published catalogue; HR and learners the published catalogue. `staffed`
   * keeps only the caller's staffed courses (the instructor's own list).
   */
  async list(query: ListCoursesQueryDto, actor: AuthUser): Promise<Page<CourseSummaryView>> {
    const params: unknown[] = [];
    const where: string[] = [];
    let versionFilter = `AND cv.status = 'published'`;
    if (actor.role === Role.Admin) versionFilter = '';
    if (actor.role !== Role.Admin && (actor.role === Role.Instructor || query.staffed === 'true')) {
      params.push(actor.id);
      const staffed = `EXISTS (SELECT 1 FROM course_staff s
                         WHERE s.course_id = c.id AND s.user_id = $${params.length})`;
      versionFilter =
        query.staffed === 'true' ? `AND ${staffed}` : `AND (cv.status = 'published' OR ${staffed})`;
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
      titleId: version.titleId,
      titleEn: version.titleEn,
      competencyCode: version.competencyCode,
      certificateValidityMonths: version.certificateValidityMonths,
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
      `SELECT l.id, l.type, l.quiz_id, v.id AS version_id, v.version_no, v.course_id, v.status
         FROM lessons l JOIN course_versions v ON v.id = l.course_version_id WHERE l.id = $1`,
      [lessonId],
    );
    if (!row) throw notFound('Lesson');
    return {
      lessonId: row.id,
      courseId: row.course_id,
      courseVersionId: row.version_id,
      versionNo: row.version_no,
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

  /** For the question bank export's file name. */
  async courseCode(courseId: string): Promise<string> {
    const course = await this.dataSource.manager.findOneBy(Course, { id: courseId });
    if (!course) throw notFound('Course');
    return course.code;
  }

  async assertCourseExists(courseId: string, manager?: EntityManager): Promise<void> {
    if (!(await (manager ?? this.dataSource.manager).existsBy(Course, { id: courseId }))) {
      throw notFound('Course');
    }
  }

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
}
