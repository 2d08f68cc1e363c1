import type { TemplateName } from '../types';
import { certificateExpired, certificateExpiring, certificateIssued } from './certificate';
import { enrolledByHr, enrollmentDueSoon, enrollmentOverdue, inactivity } from './enrollment';
import { essayGraded } from './essay-graded';
import { hrWeeklyDigest } from './hr-weekly-digest';
import { invitation, passwordReset } from './onboarding';
import type { TemplateDefinition } from './template-definition';

export const TEMPLATES: Readonly<Record<TemplateName, TemplateDefinition>> = {
  enrollment_due_soon: enrollmentDueSoon,
  enrollment_overdue: enrollmentOverdue,
  inactivity,
  certificate_expiring: certificateExpiring,
  certificate_expired: certificateExpired,
  certificate_issued: certificateIssued,
  essay_graded: essayGraded,
  enrolled_by_hr: enrolledByHr,
  hr_weekly_digest: hrWeeklyDigest,
  invitation,
  password_reset: passwordReset,
};

export type { TemplateDefinition } from './template-definition';
