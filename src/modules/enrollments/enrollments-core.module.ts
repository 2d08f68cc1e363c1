import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CoursesCoreModule } from '../courses';
import { EnrollmentEvents } from './enrollment-events';
import { EnrollmentReadModel } from './enrollment-read-model';
import { EnrollmentsService } from './enrollments.service';
import { Enrollment } from './entities/enrollment.entity';
import { LessonProgress } from './entities/lesson-progress.entity';
import { HeartbeatPool } from './heartbeat-pool';
import { ProgressService } from './progress.service';

/** Services shared by the API and the worker (no controllers). */
@Module({
  imports: [CoursesCoreModule, TypeOrmModule.forFeature([Enrollment, LessonProgress])],
  providers: [
    EnrollmentEvents,
    HeartbeatPool,
    EnrollmentsService,
    ProgressService,
    EnrollmentReadModel,
  ],
  exports: [EnrollmentEvents, EnrollmentsService, ProgressService, EnrollmentReadModel],
})
export class EnrollmentsCoreModule {}
