export type Locale = 'id' | 'en';

export type TemplateName =
  | 'enrollment_due_soon'
  | 'enrollment_overdue'
  | 'inactivity'
  | 'certificate_expiring'
  | 'certificate_expired'
  | 'certificate_issued'
  | 'essay_graded'
  | 'enrolled_by_hr'
  | 'hr_weekly_digest'
  | 'invitation'
  | 'password_reset';

export type TemplateCategory = 'reminder' | 'digest' | 'transactional' | 'notification';

export interface RenderContext {
  locale: Locale;
  publicBaseUrl: string;
  /** IANA time zone for dates in the mail; defaults to Asia/Jakarta. */
  timeZone?: string;
  /** Shown as an unsubscribe link for every category except transactional. */
  unsubscribeUrl?: string;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
