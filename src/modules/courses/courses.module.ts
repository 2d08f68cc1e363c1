import { Module } from '@nestjs/common';
import { CoursesController } from './courses.controller';
import { CoursesCoreModule } from './courses-core.module';
import { CoursePublishing } from './course-publishing.service';
import { CourseStaffGuard } from './course-staff.guard';

/** API side of courses. */
@Module({
  imports: [CoursesCoreModule],
  controllers: [CoursesController],
  providers: [CourseStaffGuard, CoursePublishing],
  exports: [CoursesCoreModule, CourseStaffGuard],
})
export class CoursesModule {}
