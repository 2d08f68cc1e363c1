// Generated migrations are listed here explicitly so the app, the CLI and Jest load the
// same set without filesystem globbing. Add each new migration class at the end.
import { Init1795816656363 } from './1795816656363-Init';
import { CoursesEnrollmentsProgress1795817208967 } from './1795817208967-CoursesEnrollmentsProgress';
import { Notifications1795817541264 } from './1795817541264-Notifications';
import { Certificates1795817636683 } from './1795817636683-Certificates';
import { Quizzes1795818990451 } from './1795818990451-Quizzes';
import { AccessEndsAtOnce1796100000000 } from './1796100000000-AccessEndsAtOnce';
import { CourseStaff1796300000000 } from './1796300000000-CourseStaff';
import { DropOutboxEvents1796500000000 } from './1796500000000-DropOutboxEvents';
import { BlobReferenceIndexes1796400000000 } from './1796400000000-BlobReferenceIndexes';
import { CertificateStatusListIndex1796750000000 } from './1796750000000-CertificateStatusListIndex';
import { PasswordTokens1796600000000 } from './1796600000000-PasswordTokens';
import { QuizOfflineGrace1796700000000 } from './1796700000000-QuizOfflineGrace';
import { CertificatePdfSigner1796780000000 } from './1796780000000-CertificatePdfSigner';
import { AuditLogRecentIndex1796800000000 } from './1796800000000-AuditLogRecentIndex';
import { CertificateNumberAtRender1796810000000 } from './1796810000000-CertificateNumberAtRender';
import { LessonKeys1796820000000 } from './1796820000000-LessonKeys';
import { AuditLogOrganizationIndex1796831000000 } from './1796831000000-AuditLogOrganizationIndex';
import { QuizzesVersionedWithCourse1796840000000 } from './1796840000000-QuizzesVersionedWithCourse';

export const ALL_MIGRATIONS = [
  Init1795816656363,
  CoursesEnrollmentsProgress1795817208967,
  Notifications1795817541264,
  Certificates1795817636683,
  Quizzes1795818990451,
  AccessEndsAtOnce1796100000000,
  CourseStaff1796300000000,
  DropOutboxEvents1796500000000,
  BlobReferenceIndexes1796400000000,
  PasswordTokens1796600000000,
  QuizOfflineGrace1796700000000,
  CertificateStatusListIndex1796750000000,
  CertificatePdfSigner1796780000000,
  AuditLogRecentIndex1796800000000,
  CertificateNumberAtRender1796810000000,
  LessonKeys1796820000000,
  AuditLogOrganizationIndex1796831000000,
  QuizzesVersionedWithCourse1796840000000,
];
