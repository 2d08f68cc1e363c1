import { Module } from '@nestjs/common';
import { CoursesCoreModule } from '../courses';
import {
  CourseEnrollmentsController,
  EmployeeEnrollmentsController,
  EnrollmentsController,
  MyCoursesController,
} from './enrollments.controller';
import { EnrollmentsCoreModule } from './enrollments-core.module';
import { LessonContentService } from './lesson-content.service';
import { PinnedLearnersController } from './pinned-learners.controller';
import { PinnedLearnersService } from './pinned-learners.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** API side of enrollments: assignment, progress, lesson content, reports. */
@Module({
  imports: [CoursesCoreModule, EnrollmentsCoreModule],
  controllers: [
    CourseEnrollmentsController,
    EmployeeEnrollmentsController,
    MyCoursesController,
    EnrollmentsController,
    ReportsController,
    PinnedLearnersController,
  ],
  providers: [LessonContentService, ReportsService, PinnedLearnersService],
  exports: [EnrollmentsCoreModule],
})
export class EnrollmentsModule {}
