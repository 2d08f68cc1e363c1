// The one registry of error codes. A module's codes live in its `<module>.errors.ts` (a plain
// `as const` map that imports nothing) and are listed here; a code missing from every map is a
// compile error wherever a DomainError is constructed with it.
import { ADMIN_AUDIT_ERRORS } from '../../modules/admin-audit/admin-audit.errors';
import { BROWSER_SESSION_ERRORS } from '../../modules/auth/browser-session.errors';
import { CERTIFICATE_ERRORS } from '../../modules/certificates/certificates.errors';
import { COMPLIANCE_ERRORS } from '../../modules/compliance/compliance.errors';
import { COURSE_ERRORS } from '../../modules/courses/courses.errors';
import { ENROLLMENT_ERRORS } from '../../modules/enrollments/enrollments.errors';
import { NOTIFICATION_ERRORS } from '../../modules/notifications/notifications.errors';
import { ONBOARDING_ERRORS } from '../../modules/onboarding/onboarding.errors';
import { QUIZ_ERRORS } from '../../modules/quizzes/quizzes.errors';
import { USER_ERRORS } from '../../modules/users/users.errors';
import { COMMON_ERRORS } from './common.errors';

/** Every map, by owner; codes must not repeat across maps (checked by error-codes.spec.ts). */
export const ERROR_MAPS = {
  common: COMMON_ERRORS,
  courses: COURSE_ERRORS,
  enrollments: ENROLLMENT_ERRORS,
  quizzes: QUIZ_ERRORS,
  certificates: CERTIFICATE_ERRORS,
  notifications: NOTIFICATION_ERRORS,
  users: USER_ERRORS,
  browserSession: BROWSER_SESSION_ERRORS,
  onboarding: ONBOARDING_ERRORS,
  compliance: COMPLIANCE_ERRORS,
  adminAudit: ADMIN_AUDIT_ERRORS,
} as const;

export const ERROR_STATUS = {
  ...COMMON_ERRORS,
  ...COURSE_ERRORS,
  ...ENROLLMENT_ERRORS,
  ...QUIZ_ERRORS,
  ...CERTIFICATE_ERRORS,
  ...NOTIFICATION_ERRORS,
  ...USER_ERRORS,
  ...BROWSER_SESSION_ERRORS,
  ...ONBOARDING_ERRORS,
  ...COMPLIANCE_ERRORS,
  ...ADMIN_AUDIT_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
