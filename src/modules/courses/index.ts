// Public surface of the courses module: other modules import only from here.
export type { LessonRef, VersionOutline } from './course-catalog.service';
export { CoursesModule } from './courses.module';
export { CourseCatalog } from './course-catalog.service';
export { CourseVersion } from './entities/course-version.entity';
export { Course } from './entities/course.entity';
export { Lesson } from './entities/lesson.entity';
export { LessonFilesService } from './lesson-files.service';
export { LessonQuizHooks } from './lesson-quiz-hooks';
export type { DraftQuizCopy } from './lesson-quiz-hooks';
export type { DiffQuiz } from './domain/publish-diff';
export { CourseAccess } from './course-access.service';
export { CourseStaffGuard, CourseStaffOnly } from './course-staff.guard';
export { CoursesCoreModule } from './courses-core.module';
