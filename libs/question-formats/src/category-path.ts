const MOODLE_CONTEXT_PREFIX = /^\$[a-z]+\$\//;

/**
 * Moodle writes categories as `$course$/top/K3 Umum/APD`; the LMS only keeps the
 * human part `K3 Umum/APD`. Returns undefined for an empty path.
 */
export function normaliseCategoryPath(raw: string): string | undefined {
  let path = raw.trim();
  if (MOODLE_CONTEXT_PREFIX.test(path)) {
    path = path.replace(MOODLE_CONTEXT_PREFIX, '');
    if (path === 'top' || path.startsWith('top/')) {
      path = path.slice(4);
    }
  }
  const trimmed = path
    .split('/')
    .map((segment) => segment.trim())
    .join('/')
    .trim();
  return trimmed === '' ? undefined : trimmed;
}

export function toMoodleCategoryPath(category: string): string {
  return `$course$/top/${category}`;
}
