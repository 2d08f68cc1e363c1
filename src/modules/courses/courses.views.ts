import type {
  CourseSummaryView,
  LessonView,
  ModuleSummaryView,
  ModuleView,
  VersionView,
} from './dto/course.dto';
import type { CourseModuleEntity } from './entities/course-module.entity';
import type { CourseVersion } from './entities/course-version.entity';
import type { Lesson } from './entities/lesson.entity';

export const toLessonView = (l: Lesson): LessonView => ({
  id: l.id,
  moduleId: l.moduleId,
  position: l.position,
  type: l.type,
  titleId: l.titleId,
  titleEn: l.titleEn,
  required: l.required,
  minSeconds: l.minSeconds,
  content: l.content ? { ...l.content } : {},
  quizId: l.quizId,
});

export const toModuleSummary = (m: CourseModuleEntity): ModuleSummaryView => ({
  id: m.id,
  position: m.position,
  titleId: m.titleId,
  titleEn: m.titleEn,
});

export function toVersionView(
  v: CourseVersion,
  modules?: CourseModuleEntity[],
  lessons?: Lesson[],
): VersionView {
  return {
    id: v.id,
    versionNo: v.versionNo,
    status: v.status,
    titleId: v.titleId,
    titleEn: v.titleEn,
    descriptionId: v.descriptionId,
    descriptionEn: v.descriptionEn,
    competencyCode: v.competencyCode,
    jpHours: v.jpHours,
    certificateValidityMonths: v.certificateValidityMonths,
    language: v.language,
    tags: v.tags,
    enrollmentMode: v.enrollmentMode,
    sequential: v.sequential,
    publishedAt: v.publishedAt,
    ...(modules && {
      modules: modules.map((m): ModuleView => ({
        id: m.id,
        position: m.position,
        titleId: m.titleId,
        titleEn: m.titleEn,
        lessons: (lessons ?? []).filter((l) => l.moduleId === m.id).map(toLessonView),
      })),
    }),
  };
}

export interface CourseSummaryRow {
  id: string;
  code: string;
  version_id: string;
  version_no: number;
  status: string;
  title_id: string;
  title_en: string;
  competency_code: string;
  jp_hours: number;
  enrollment_mode: string;
  tags: string[];
  created_at: Date;
}

export const toCourseSummary = (r: CourseSummaryRow): CourseSummaryView => ({
  id: r.id,
  code: r.code,
  versionId: r.version_id,
  versionNo: r.version_no,
  status: r.status,
  titleId: r.title_id,
  titleEn: r.title_en,
  competencyCode: r.competency_code,
  jpHours: r.jp_hours,
  enrollmentMode: r.enrollment_mode,
  tags: r.tags,
});
