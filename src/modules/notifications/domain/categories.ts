import type { TemplateCategory } from '@app/mailer';

/** Categories a user can switch off. Transactional mails (certificate issued) always go out. */
export const PREFERENCE_CATEGORIES = ['reminder', 'digest', 'notification'] as const;
export type PreferenceCategory = (typeof PREFERENCE_CATEGORIES)[number];

/**
 * Which categories reach which role: reminders and notifications go to enrolled learners, the
 * weekly digest to HR. Admins and instructors get no mail they could switch off.
 */
const CATEGORIES_BY_ROLE: Record<string, readonly PreferenceCategory[]> = {
  learner: ['reminder', 'notification'],
  hr: ['digest'],
  admin: [],
  instructor: [],
};

export function categoriesForRole(role: string): readonly PreferenceCategory[] {
  return CATEGORIES_BY_ROLE[role] ?? [];
}

export function isPreferenceCategory(value: string): value is PreferenceCategory {
  return (PREFERENCE_CATEGORIES as readonly string[]).includes(value);
}

export function isUnsubscribable(category: TemplateCategory | string): boolean {
  return isPreferenceCategory(category);
}
