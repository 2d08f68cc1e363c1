// Public surface of the enrollments module: other modules import only from here.
export type { EnrollmentCompletedEvent, EnrollmentsAssignedEvent } from './enrollment-events';
export { EnrollmentEvents } from './enrollment-events';
export { EnrollmentsModule } from './enrollments.module';
export { EnrollmentsService } from './enrollments.service';
export { Enrollment } from './entities/enrollment.entity';
export { ProgressService } from './progress.service';
export { EnrollmentsCoreModule } from './enrollments-core.module';
export { EnrollmentReadModel } from './enrollment-read-model';
export type { QuizEnrollment, EnrollmentMailContext } from './enrollment-read-model';
