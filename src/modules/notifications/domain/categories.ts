import type { TemplateCategory } from '@app/mailer';

/** Categories a user can switch off. Transactional mails (certificate issued) always go out. */
export const PREFERENCE_CATEGORIES = ['reminder', 'digest', 'notification'] as const;
export type PreferenceCategory = (typeof PREFERENCE_CATEGORIES)[number];

export function isPreferenceCategory(value: string): value is PreferenceCategory {
  return (PREFERENCE_CATEGORIES as readonly string[]).includes(value);
}

export function isUnsubscribable(category: TemplateCategory | string): boolean {
  return isPreferenceCategory(category);
}
