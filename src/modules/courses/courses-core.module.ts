import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../storage';
import { CourseAccess } from './course-access.service';
import { CourseAuthoring } from './course-authoring.service';
import { CourseCatalog } from './course-catalog.service';
import { CourseStaffMember } from './entities/course-staff.entity';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseVersion } from './entities/course-version.entity';
import { Course } from './entities/course.entity';
import { Lesson } from './entities/lesson.entity';
import { LessonFilesService } from './lesson-files.service';
import { LessonQuizHooks } from './lesson-quiz-hooks';

/** Services shared by the API and the worker (no controllers). */
@Module({
  imports: [
    StorageModule,
    TypeOrmModule.forFeature([
      Course,
      CourseStaffMember,
      CourseVersion,
      CourseModuleEntity,
      Lesson,
    ]),
  ],
  // Authoring is here because lesson file uploads go through it; other modules never see it.
  providers: [CourseCatalog, CourseAuthoring, LessonFilesService, CourseAccess, LessonQuizHooks],
  exports: [CourseCatalog, CourseAuthoring, LessonFilesService, CourseAccess, LessonQuizHooks],
})
export class CoursesCoreModule {}
