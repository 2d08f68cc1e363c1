export type DueDateExtensionRefusal = 'DUE_DATE_IN_PAST' | 'DUE_DATE_NOT_LATER';

/**
 * Extending an assignment's due date: the new date must lie in the future and must not be
 * earlier than the current one (an extension never shortens); an assignment without a due date
 * may get one.
 */
export function dueDateExtensionRefusal(
  current: Date | null,
  next: Date,
  now: Date,
): DueDateExtensionRefusal | null {
  if (next.getTime() <= now.getTime()) return 'DUE_DATE_IN_PAST';
  if (current && next.getTime() < current.getTime()) return 'DUE_DATE_NOT_LATER';
  return null;
}
