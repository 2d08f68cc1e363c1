/**
 * Pure progress rules: heartbeat crediting, minimum time, sequential unlocking, completion.
 * The heartbeat SQL in ProgressService applies `heartbeatCredit` with the parameters
 * `heartbeatSqlParameters` gives it.
 */
export const HEARTBEAT_RULES = {
  /** Clients send a heartbeat at least every 60 s; a longer gap is credited at most this. */
  capSeconds: 90,
  /** Heartbeats closer together than this are accepted but credit nothing (tabs, retries). */
  minIntervalSeconds: 10,
} as const;

export interface HeartbeatRules {
  capSeconds: number;
  minIntervalSeconds: number;
}

/** Seconds to credit for a heartbeat at `now`, given the last accepted activity; null = too soon. */
export function heartbeatCredit(
  lastActivityAt: Date | null,
  now: Date,
  rules: HeartbeatRules = HEARTBEAT_RULES,
): number | null {
  if (!lastActivityAt) return 0;
  const elapsed = (now.getTime() - lastActivityAt.getTime()) / 1000;
  if (elapsed < rules.minIntervalSeconds) return null;
  return Math.min(rules.capSeconds, Math.floor(elapsed));
}

/**
 * The heartbeat SQL's rule parameters, in its order: $4 = minimum interval (credit nothing
 * when the last activity is more recent), $5 = cap (credit at most this many seconds).
 */
export function heartbeatSqlParameters(
  rules: HeartbeatRules = HEARTBEAT_RULES,
): [minIntervalSeconds: number, capSeconds: number] {
  return [rules.minIntervalSeconds, rules.capSeconds];
}

export interface OutlineLesson {
  id: string;
  type: 'text' | 'video' | 'file' | 'quiz';
  required: boolean;
  minSeconds: number;
}

export interface LessonState {
  status: 'in_progress' | 'completed';
  timeSpentSeconds: number;
}

export type ProgressMap = ReadonlyMap<string, LessonState>;

const isDone = (progress: ProgressMap, lessonId: string) =>
  progress.get(lessonId)?.status === 'completed';

/**
 * In a sequential course a lesson opens once every earlier required lesson is complete;
 * optional lessons never block. `lessons` is in course order.
 */
export function isLessonUnlocked(
  lessons: readonly OutlineLesson[],
  progress: ProgressMap,
  sequential: boolean,
  lessonId: string,
): boolean {
  if (!sequential) return true;
  for (const lesson of lessons) {
    if (lesson.id === lessonId) return true;
    if (lesson.required && !isDone(progress, lesson.id)) return false;
  }
  return false;
}

/**
 * The required lesson that keeps `lessonId` locked in a sequential course (the first earlier
 * required lesson not yet complete), or null when the lesson is open.
 */
export function lessonLockedBy(
  lessons: readonly OutlineLesson[],
  progress: ProgressMap,
  sequential: boolean,
  lessonId: string,
): string | null {
  if (!sequential) return null;
  for (const lesson of lessons) {
    if (lesson.id === lessonId) return null;
    if (lesson.required && !isDone(progress, lesson.id)) return lesson.id;
  }
  return null;
}

/** Seconds of credited time the lesson still needs before it may be completed (0 = none). */
export function secondsStillRequired(
  lesson: OutlineLesson,
  state: LessonState | undefined,
): number {
  if (state?.status === 'completed') return 0;
  return Math.max(0, lesson.minSeconds - (state?.timeSpentSeconds ?? 0));
}

/** JP hours credited to the learner: the course's JP once the enrollment is completed. */
export function jpCredited(status: string, jpHours: number): number {
  return status === 'completed' ? jpHours : 0;
}

export type CompleteRefusal =
  | { code: 'MIN_TIME_NOT_REACHED'; requiredSeconds: number; spentSeconds: number }
  | { code: 'LESSON_NOT_STARTED' }
  | { code: 'QUIZ_MUST_BE_PASSED' };

/** Why a learner may not mark this lesson done yet, or null when they may. */
export function completeRefusal(
  lesson: OutlineLesson,
  state: LessonState | undefined,
): CompleteRefusal | null {
  if (!state) return { code: 'LESSON_NOT_STARTED' };
  if (state.status === 'completed') return null;
  if (lesson.type === 'quiz') return { code: 'QUIZ_MUST_BE_PASSED' };
  if (state.timeSpentSeconds < lesson.minSeconds) {
    return {
      code: 'MIN_TIME_NOT_REACHED',
      requiredSeconds: lesson.minSeconds,
      spentSeconds: state.timeSpentSeconds,
    };
  }
  return null;
}

export interface CourseProgress {
  complete: boolean;
  percent: number;
  requiredTotal: number;
  requiredDone: number;
  nextLessonId: string | null;
}

/**
 * Complete when every required lesson is complete. Percent counts required lessons (all
 * lessons when none is required). The next lesson is the first one not yet done.
 */
export function courseProgress(
  lessons: readonly OutlineLesson[],
  progress: ProgressMap,
): CourseProgress {
  const counted = lessons.some((l) => l.required) ? lessons.filter((l) => l.required) : lessons;
  const done = counted.filter((l) => isDone(progress, l.id)).length;
  const next = lessons.find((l) => !isDone(progress, l.id)) ?? null;
  const complete = lessons.filter((l) => l.required).every((l) => isDone(progress, l.id));
  return {
    complete: lessons.length > 0 && complete,
    percent: counted.length === 0 ? 0 : Math.floor((done * 100) / counted.length),
    requiredTotal: counted.length,
    requiredDone: done,
    nextLessonId: next?.id ?? null,
  };
}

export type DisplayStatus = 'not_started' | 'in_progress' | 'completed' | 'overdue' | 'withdrawn';

/** `overdue` is never stored: an unfinished enrollment past its due date. */
export function displayStatus(
  status: 'not_started' | 'in_progress' | 'completed' | 'withdrawn',
  dueAt: Date | null,
  now: Date,
): DisplayStatus {
  if ((status === 'not_started' || status === 'in_progress') && dueAt && dueAt < now) {
    return 'overdue';
  }
  return status;
}

export type EnrollmentStatus = 'not_started' | 'in_progress' | 'completed' | 'withdrawn';

export type LessonAccessRefusal = 'ENROLLMENT_WITHDRAWN' | 'LESSON_NOT_FOUND' | 'LESSON_LOCKED';

/**
 * The one decision for every route that reads a lesson or creates progress on it (lesson
 * start, heartbeat, complete, content and file, quiz attempt start, answer save, submit, and
 * a passed quiz completing its lesson): null when the learner may act on the lesson now.
 */
export function lessonAccessRefusal(input: {
  enrollmentStatus: EnrollmentStatus;
  lessons: readonly OutlineLesson[];
  progress: ProgressMap;
  sequential: boolean;
  lessonId: string;
}): LessonAccessRefusal | null {
  if (input.enrollmentStatus === 'withdrawn') return 'ENROLLMENT_WITHDRAWN';
  if (!input.lessons.some((l) => l.id === input.lessonId)) return 'LESSON_NOT_FOUND';
  if (!isLessonUnlocked(input.lessons, input.progress, input.sequential, input.lessonId)) {
    return 'LESSON_LOCKED';
  }
  return null;
}

/**
 * The stored status after activity on a lesson: any started or completed lesson means the
 * enrollment is at least in progress; it completes when every required lesson is done.
 */
export function statusAfterActivity(
  current: EnrollmentStatus,
  courseComplete: boolean,
): EnrollmentStatus {
  if (current === 'withdrawn' || current === 'completed') return current;
  return courseComplete ? 'completed' : 'in_progress';
}

export type EnrollmentChannel = 'self' | 'hr';

/** Whether a course's enrollment mode admits a new enrollment (or a renewal) this way. */
export function enrollmentModeRefusal(
  mode: 'open' | 'assigned',
  channel: EnrollmentChannel,
): 'SELF_ENROLL_NOT_ALLOWED' | null {
  return mode === 'assigned' && channel === 'self' ? 'SELF_ENROLL_NOT_ALLOWED' : null;
}

/**
 * Learners may withdraw what they enrolled in themselves; an enrollment HR assigned (someone
 * else is its assigner) is withdrawn only by HR of the organization or an admin.
 */
export function withdrawalRefusal(
  actorRole: 'admin' | 'instructor' | 'hr' | 'learner',
  enrollment: { userId: string; assignedById: string | null },
): 'WITHDRAWAL_NOT_ALLOWED' | null {
  if (actorRole === 'admin' || actorRole === 'hr') return null;
  if (actorRole === 'learner') {
    const assignedBySomeoneElse =
      enrollment.assignedById !== null && enrollment.assignedById !== enrollment.userId;
    return assignedBySomeoneElse ? 'WITHDRAWAL_NOT_ALLOWED' : null;
  }
  return 'WITHDRAWAL_NOT_ALLOWED';
}
