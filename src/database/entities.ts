import { AuditLogEntry } from '../modules/audit/entities/audit-log.entity';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity';
import { Organization } from '../modules/organizations/entities/organization.entity';
import { User } from '../modules/users/entities/user.entity';
import { CourseModuleEntity } from '../modules/courses/entities/course-module.entity';
import { CourseVersion } from '../modules/courses/entities/course-version.entity';
import { Course } from '../modules/courses/entities/course.entity';
import { CourseStaffMember } from '../modules/courses/entities/course-staff.entity';
import { Lesson } from '../modules/courses/entities/lesson.entity';
import { Enrollment } from '../modules/enrollments/entities/enrollment.entity';
import { LessonProgress } from '../modules/enrollments/entities/lesson-progress.entity';
import { CourseNotificationSettings } from '../modules/notifications/entities/course-notification-settings.entity';
import { EmailOutbox } from '../modules/notifications/entities/email-outbox.entity';
import { EmailSuppression } from '../modules/notifications/entities/email-suppression.entity';
import { NotificationPreference } from '../modules/notifications/entities/notification-preference.entity';

import { CertificateSequence } from '../modules/certificates/entities/certificate-sequence.entity';
import { Certificate } from '../modules/certificates/entities/certificate.entity';
import { QuestionBank, QuestionCategory } from '../modules/quizzes/entities/question-bank.entity';
import { Question, QuestionVersion } from '../modules/quizzes/entities/question.entity';
import { AttemptAnswer, QuizAttempt } from '../modules/quizzes/entities/quiz-attempt.entity';
import { Quiz } from '../modules/quizzes/entities/quiz.entity';

/** Every entity, for the migration CLI and the runtime DataSource alike. */
export const ALL_ENTITIES = [
  Organization,
  User,
  RefreshToken,
  AuditLogEntry,
  Course,
  CourseStaffMember,
  CourseVersion,
  CourseModuleEntity,
  Lesson,
  Enrollment,
  LessonProgress,
  EmailOutbox,
  NotificationPreference,
  EmailSuppression,
  CourseNotificationSettings,
  Certificate,
  CertificateSequence,
  QuestionBank,
  QuestionCategory,
  Question,
  QuestionVersion,
  Quiz,
  QuizAttempt,
  AttemptAnswer,
];
