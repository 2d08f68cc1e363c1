/** One JP (jam pelajaran) is 45 minutes in Indonesian training regulations. */
export const SECONDS_PER_JP = 45 * 60;

export interface DraftLessonTiming {
  type: 'text' | 'video' | 'file' | 'quiz';
  minSeconds: number | null;
  durationSeconds?: number;
}

/**
 * The minimum time a lesson needs before it counts as done, when the author gave none:
 * a video's duration; a quiz nothing (passing it is the rule); otherwise the course's JP
 * hours spread evenly over its text and file lessons.
 */
export function resolveMinSeconds(
  lesson: DraftLessonTiming,
  jpHours: number,
  readingLessonCount: number,
): number {
  if (lesson.minSeconds !== null) return lesson.minSeconds;
  if (lesson.type === 'quiz') return 0;
  if (lesson.type === 'video') return Math.max(0, Math.floor(lesson.durationSeconds ?? 0));
  if (readingLessonCount === 0) return 0;
  return Math.floor((jpHours * SECONDS_PER_JP) / readingLessonCount);
}

export interface PublishableLesson {
  id: string;
  type: 'text' | 'video' | 'file' | 'quiz';
  hasFile: boolean;
  hasVideo: boolean;
  quizId: string | null;
}

export interface PublishProblem {
  lessonId?: string;
  code: string;
  message: string;
}

/** Everything that keeps a draft from being published; empty when it can be. */
export function publishProblems(lessons: readonly PublishableLesson[]): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (lessons.length === 0) {
    problems.push({ code: 'NO_LESSONS', message: 'A course needs at least one lesson' });
  }
  for (const l of lessons) {
    if (l.type === 'file' && !l.hasFile) {
      problems.push({ lessonId: l.id, code: 'FILE_MISSING', message: 'Upload the lesson file' });
    }
    if (l.type === 'video' && !l.hasVideo) {
      problems.push({ lessonId: l.id, code: 'VIDEO_MISSING', message: 'Set the video URL' });
    }
    if (l.type === 'quiz' && !l.quizId) {
      problems.push({ lessonId: l.id, code: 'QUIZ_MISSING', message: 'Attach a quiz' });
    }
  }
  return problems;
}

/** A reorder request must name exactly the current items, each once. */
export function isPermutation(current: readonly string[], requested: readonly string[]): boolean {
  if (current.length !== requested.length) return false;
  const set = new Set(requested);
  return set.size === requested.length && current.every((id) => set.has(id));
}
