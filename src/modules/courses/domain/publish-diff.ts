/**
 * What publishing a draft changes for learners: the draft compared with the published version.
 * Modules and lessons are matched by their stable keys (copied into every new draft), never by
 * id (each version has its own rows) or by title.
 */

export const COURSE_DIFF_FIELDS = [
  'titleId',
  'titleEn',
  'descriptionId',
  'descriptionEn',
  'competencyCode',
  'jpHours',
  'certificateValidityMonths',
  'language',
  'tags',
  'enrollmentMode',
  'sequential',
] as const;
export type CourseDiffField = (typeof COURSE_DIFF_FIELDS)[number];

export type CourseDiffFields = Record<CourseDiffField, string | number | boolean | string[]>;

/** The quiz settings a publish compares (the quizzes module fills them in). */
export const QUIZ_DIFF_FIELDS = [
  'title',
  'timeLimitSeconds',
  'attemptsAllowed',
  'passingPercent',
  'gradingMethod',
  'openAt',
  'closeAt',
  'questions',
  'shuffleQuestions',
  'shuffleAnswers',
  'review',
] as const;
export type QuizDiffField = (typeof QUIZ_DIFF_FIELDS)[number];

/** A lesson's quiz as one version holds it: each draft has its own copy, with the same key. */
export interface DiffQuiz {
  key: string;
  settings: Record<QuizDiffField, unknown>;
}

export interface DiffModule {
  id: string;
  key: string;
  position: number;
  titleId: string;
  titleEn: string;
}

export interface DiffLesson {
  id: string;
  key: string;
  moduleKey: string;
  position: number;
  type: string;
  titleId: string;
  titleEn: string;
  required: boolean;
  /** The minimum time learners will meet (for a draft: as publishing will resolve it). */
  minSeconds: number;
  content: {
    markdown?: string;
    videoUrl?: string;
    durationSeconds?: number;
    fileSha256?: string;
  };
  quiz: DiffQuiz | null;
}

export interface DiffVersion {
  fields: CourseDiffFields;
  modules: readonly DiffModule[];
  lessons: readonly DiffLesson[];
}

export type ModuleChange = 'title' | 'moved';
export type LessonChange = 'title' | 'type' | 'required' | 'minSeconds' | 'content' | 'moved';
export type QuizChange = 'added' | 'removed' | 'replaced' | 'changed';

export interface ModuleDiffItem {
  key: string;
  /** The draft's row; for a removed module, the published one. */
  id: string;
  titleId: string;
  titleEn: string;
}

export interface LessonDiffItem {
  key: string;
  /** The draft's row; for a removed lesson, the published one. */
  id: string;
  type: string;
  titleId: string;
  titleEn: string;
}

export interface PublishDiff {
  fields: CourseDiffField[];
  modules: {
    added: ModuleDiffItem[];
    removed: ModuleDiffItem[];
    changed: (ModuleDiffItem & { changes: ModuleChange[] })[];
  };
  lessons: {
    added: LessonDiffItem[];
    removed: LessonDiffItem[];
    changed: (LessonDiffItem & { changes: LessonChange[] })[];
  };
  /**
   * A quiz attached to, detached from, replaced on or changed in a lesson (added and removed
   * lessons too); `fields` names the settings a changed quiz differs in.
   */
  quizzes: (LessonDiffItem & { change: QuizChange; fields: QuizDiffField[] })[];
  hasChanges: boolean;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Keys of the items both lists hold, in the list's order: a move changes this order. */
function commonOrder<T extends { key: string }>(items: readonly T[], other: Set<string>): string[] {
  return items.filter((i) => other.has(i.key)).map((i) => i.key);
}

function courseOrder(version: Pick<DiffVersion, 'modules' | 'lessons'>): DiffLesson[] {
  const modulePosition = new Map(version.modules.map((m) => [m.key, m.position]));
  return [...version.lessons].sort(
    (a, b) =>
      (modulePosition.get(a.moduleKey) ?? 0) - (modulePosition.get(b.moduleKey) ?? 0) ||
      a.position - b.position,
  );
}

function lessonItem(l: DiffLesson): LessonDiffItem {
  return { key: l.key, id: l.id, type: l.type, titleId: l.titleId, titleEn: l.titleEn };
}

function moduleItem(m: DiffModule): ModuleDiffItem {
  return { key: m.key, id: m.id, titleId: m.titleId, titleEn: m.titleEn };
}

function contentOf(l: DiffLesson) {
  const { markdown, videoUrl, durationSeconds, fileSha256 } = l.content;
  return { markdown, videoUrl, durationSeconds, fileSha256 };
}

function quizDiff(
  before: DiffQuiz | null,
  after: DiffQuiz | null,
): { change: QuizChange; fields: QuizDiffField[] } | null {
  if (!before && !after) return null;
  if (!before) return { change: 'added', fields: [] };
  if (!after) return { change: 'removed', fields: [] };
  if (before.key !== after.key) return { change: 'replaced', fields: [] };
  const fields = QUIZ_DIFF_FIELDS.filter((f) => !sameValue(before.settings[f], after.settings[f]));
  return fields.length ? { change: 'changed', fields } : null;
}

/** The draft against the published version; `published` null (first publish) adds everything. */
export function publishDiff(published: DiffVersion | null, draft: DiffVersion): PublishDiff {
  const before: Pick<DiffVersion, 'modules' | 'lessons'> = published ?? {
    modules: [],
    lessons: [],
  };

  const fields = published
    ? COURSE_DIFF_FIELDS.filter((f) => !sameValue(published.fields[f], draft.fields[f]))
    : [];

  const oldModules = new Map(before.modules.map((m) => [m.key, m]));
  const newModules = new Map(draft.modules.map((m) => [m.key, m]));
  const sortedModules = (list: readonly DiffModule[]) =>
    [...list].sort((a, b) => a.position - b.position);
  const oldModuleOrder = commonOrder(sortedModules(before.modules), new Set(newModules.keys()));
  const newModuleOrder = commonOrder(sortedModules(draft.modules), new Set(oldModules.keys()));
  const modules: PublishDiff['modules'] = {
    added: sortedModules(draft.modules)
      .filter((m) => !oldModules.has(m.key))
      .map(moduleItem),
    removed: sortedModules(before.modules)
      .filter((m) => !newModules.has(m.key))
      .map(moduleItem),
    changed: [],
  };
  for (const m of sortedModules(draft.modules)) {
    const old = oldModules.get(m.key);
    if (!old) continue;
    const changes: ModuleChange[] = [];
    if (old.titleId !== m.titleId || old.titleEn !== m.titleEn) changes.push('title');
    if (oldModuleOrder.indexOf(m.key) !== newModuleOrder.indexOf(m.key)) changes.push('moved');
    if (changes.length) modules.changed.push({ ...moduleItem(m), changes });
  }

  const oldLessons = courseOrder(before);
  const newLessons = courseOrder(draft);
  const oldByKey = new Map(oldLessons.map((l) => [l.key, l]));
  const newByKey = new Map(newLessons.map((l) => [l.key, l]));
  // Order within each module among the lessons both versions hold there: a neighbour added,
  // removed or moved to another module does not move the others.
  const orderInModule = (list: DiffLesson[], other: Map<string, DiffLesson>) => {
    const rank = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const l of list) {
      if (other.get(l.key)?.moduleKey !== l.moduleKey) continue;
      const n = seen.get(l.moduleKey) ?? 0;
      rank.set(l.key, n);
      seen.set(l.moduleKey, n + 1);
    }
    return rank;
  };
  const oldRank = orderInModule(oldLessons, newByKey);
  const newRank = orderInModule(newLessons, oldByKey);

  const lessons: PublishDiff['lessons'] = {
    added: newLessons.filter((l) => !oldByKey.has(l.key)).map(lessonItem),
    removed: oldLessons.filter((l) => !newByKey.has(l.key)).map(lessonItem),
    changed: [],
  };
  const quizzes: PublishDiff['quizzes'] = [];
  for (const l of newLessons) {
    const old = oldByKey.get(l.key);
    if (!old) {
      if (l.quiz) quizzes.push({ ...lessonItem(l), change: 'added', fields: [] });
      continue;
    }
    const changes: LessonChange[] = [];
    if (old.titleId !== l.titleId || old.titleEn !== l.titleEn) changes.push('title');
    if (old.type !== l.type) changes.push('type');
    if (old.required !== l.required) changes.push('required');
    if (old.minSeconds !== l.minSeconds) changes.push('minSeconds');
    if (!sameValue(contentOf(old), contentOf(l))) changes.push('content');
    if (old.moduleKey !== l.moduleKey || oldRank.get(l.key) !== newRank.get(l.key)) {
      changes.push('moved');
    }
    if (changes.length) lessons.changed.push({ ...lessonItem(l), changes });
    const quizChange = quizDiff(old.quiz, l.quiz);
    if (quizChange) quizzes.push({ ...lessonItem(l), ...quizChange });
  }
  for (const l of oldLessons) {
    if (!newByKey.has(l.key) && l.quiz) {
      quizzes.push({ ...lessonItem(l), change: 'removed', fields: [] });
    }
  }

  const hasChanges =
    !published ||
    fields.length > 0 ||
    modules.added.length + modules.removed.length + modules.changed.length > 0 ||
    lessons.added.length + lessons.removed.length + lessons.changed.length > 0 ||
    quizzes.length > 0;
  return { fields, modules, lessons, quizzes, hasChanges };
}
