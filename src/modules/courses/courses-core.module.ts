import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../storage';
import { CourseAccess } from './course-access.service';
import { CoursesService } from './courses.service';
import { CourseStaffMember } from './entities/course-staff.entity';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseVersion } from './entities/course-version.entity';
import { Course } from './entities/course.entity';
import { Lesson } from './entities/lesson.entity';
import { LessonFilesService } from './lesson-files.service';

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
  providers: [CoursesService, LessonFilesService, CourseAccess],
  exports: [CoursesService, LessonFilesService, CourseAccess],
})
export class CoursesCoreModule {}
