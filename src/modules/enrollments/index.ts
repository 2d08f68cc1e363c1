// Public surface of the enrollments module: other modules import only from here.
export type { EnrollmentCompletedEvent, EnrollmentsAssignedEvent } from './enrollment-events';
export { EnrollmentEvents } from './enrollment-events';
export { EnrollmentsModule } from './enrollments.module';
export { EnrollmentsService } from './enrollments.service';
export { Enrollment } from './entities/enrollment.entity';
export { ProgressService } from './progress.service';
