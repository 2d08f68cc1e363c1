import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesModule } from '../courses';
import { AfterCommit } from './after-commit';
import { HeartbeatPool } from './heartbeat-pool';
import { EnrollmentEvents } from './enrollment-events';
import {
  CourseEnrollmentsController,
  EnrollmentsController,
  MyCoursesController,
} from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { Enrollment } from './entities/enrollment.entity';
import { LessonProgress } from './entities/lesson-progress.entity';
import { OutboxEvent } from './entities/outbox-event.entity';
import { LessonContentService } from './lesson-content.service';
import { ProgressService } from './progress.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [CoursesModule, TypeOrmModule.forFeature([Enrollment, LessonProgress, OutboxEvent])],
  controllers: [
    CourseEnrollmentsController,
    MyCoursesController,
    EnrollmentsController,
    ReportsController,
  ],
  providers: [
    EnrollmentEvents,
    AfterCommit,
    HeartbeatPool,
    EnrollmentsService,
    ProgressService,
    LessonContentService,
    ReportsService,
  ],
  exports: [EnrollmentEvents, EnrollmentsService, ProgressService],
})
export class EnrollmentsModule {}
