import type { QuestionSelection, ReviewFlags } from './quiz-settings';

export { isPassing } from './scoring';

/** One question of an attempt: the version shown and the order its answers were shown in. */
export interface SnapshotItem {
  /** question_version id */
  v: string;
  /** question id (for regrades) */
  q: string;
  /** question type, so an autosave needs no version lookup */
  t: string;
  /** Choice option ids in display order. */
  o?: string[];
  /** Matching: indexes into the distinct answer list, in display order. */
  m?: number[];
}

/** deadline = min(start + limit, close); null when the quiz has neither. */
export function computeDeadline(
  startedAt: Date,
  timeLimitSeconds: number | null,
  closeAt: Date | null,
): Date | null {
  const byLimit = timeLimitSeconds ? startedAt.getTime() + timeLimitSeconds * 1000 : null;
  const byClose = closeAt ? closeAt.getTime() : null;
  if (byLimit === null && byClose === null) return null;
  return new Date(Math.min(byLimit ?? Infinity, byClose ?? Infinity));
}

/**
 * The end of the offline grace: until then an answer given before the deadline but delivered
 * late (a phone that was offline) is still taken, and only then does the worker submit.
 */
export function offlineGraceEnd(deadline: Date | null, graceSeconds: number): Date | null {
  return deadline ? new Date(deadline.getTime() + graceSeconds * 1000) : null;
}

/**
 * Whether an autosave arriving at `now` is taken. Mirrored by the save SQL in
 * `AttemptsService.saveAnswer` (ANSWER_TIMING_SQL); `answeredAt` is the learner's claim, bounded
 * by the grace, and the time stored is never later than the arrival.
 */
export function answerTimingRefusal(
  now: Date,
  deadline: Date | null,
  graceUntil: Date | null,
  answeredAt: Date | null,
): 'ATTEMPT_DEADLINE_PASSED' | null {
  if (!deadline || now < deadline) return null;
  const givenInTime = answeredAt !== null && answeredAt <= deadline;
  return givenInTime && graceUntil !== null && now < graceUntil ? null : 'ATTEMPT_DEADLINE_PASSED';
}

/** The time an answer counts as given: its claimed time, never later than its arrival. */
export function answeredAtFor(now: Date, claimed: Date | null): Date {
  return claimed && claimed < now ? claimed : now;
}

export type OpenRefusal = 'NOT_YET_OPEN' | 'CLOSED' | null;

export function quizWindowRefusal(
  now: Date,
  openAt: Date | null,
  closeAt: Date | null,
): OpenRefusal {
  if (openAt && now < openAt) return 'NOT_YET_OPEN';
  if (closeAt && now >= closeAt) return 'CLOSED';
  return null;
}

/** mulberry32: small, fast, good enough to shuffle; deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export interface CandidateQuestion {
  questionId: string;
  categoryId: string | null;
}

export interface ShownQuestion {
  questionId: string;
  versionId: string;
  type: string;
  optionIds: string[];
  /** Number of distinct matching answers (0 for other types). */
  matchingAnswerCount: number;
}

export class NotEnoughQuestionsError extends Error {
  constructor(readonly shortfalls: { categoryId: string | null; wanted: number; found: number }[]) {
    super('Not enough questions to draw from');
  }
}

/**
 * Picks the attempt's questions. Fixed mode keeps the configured order (questions deleted
 * since are skipped); random mode draws `count` per category. Then shuffles as configured.
 */
export function selectQuestions<T extends CandidateQuestion>(
  selection: QuestionSelection,
  candidates: T[],
  shuffleQuestions: boolean,
  random: () => number,
): T[] {
  let chosen: T[];
  if (selection.mode === 'fixed') {
    const byId = new Map(candidates.map((c) => [c.questionId, c]));
    chosen = selection.questionIds.flatMap((id) => byId.get(id) ?? []);
  } else {
    const shortfalls: NotEnoughQuestionsError['shortfalls'] = [];
    chosen = [];
    const taken = new Set<string>();
    for (const draw of selection.draws) {
      const pool = candidates
        .filter((c) => c.categoryId === draw.categoryId && !taken.has(c.questionId))
        .sort((a, b) => (a.questionId < b.questionId ? -1 : 1));
      if (pool.length < draw.count) {
        shortfalls.push({ categoryId: draw.categoryId, wanted: draw.count, found: pool.length });
        continue;
      }
      for (const c of shuffle(pool, random).slice(0, draw.count)) {
        taken.add(c.questionId);
        chosen.push(c);
      }
    }
    if (shortfalls.length) throw new NotEnoughQuestionsError(shortfalls);
  }
  return shuffleQuestions ? shuffle(chosen, random) : chosen;
}

/**
 * Display order of each question's answers. Matching answers are always shuffled, and never
 * left in prompt order when another order exists, so the list never lines up with the prompts.
 */
export function buildSnapshot(
  questions: ShownQuestion[],
  shuffleAnswers: boolean,
  random: () => number,
): SnapshotItem[] {
  return questions.map((c) => {
    const item: SnapshotItem = { v: c.versionId, q: c.questionId, t: c.type };
    if (c.optionIds.length) item.o = shuffleAnswers ? shuffle(c.optionIds, random) : c.optionIds;
    if (c.matchingAnswerCount > 0) item.m = derange(c.matchingAnswerCount, random);
    return item;
  });
}

function derange(count: number, random: () => number): number[] {
  const identity = Array.from({ length: count }, (_, i) => i);
  const order = shuffle(identity, random);
  if (count > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}

export interface AttemptScore {
  attemptNo: number;
  percentHundredths: number;
  status: string;
}

/** The quiz result under the grading method; only fully graded attempts count. */
export function quizGrade(
  attempts: AttemptScore[],
  method: 'highest' | 'last',
): AttemptScore | null {
  const graded = attempts.filter((a) => a.status === 'graded');
  if (!graded.length) return null;
  if (method === 'last') {
    return graded.reduce((latest, a) => (a.attemptNo > latest.attemptNo ? a : latest));
  }
  return graded.reduce((best, a) =>
    a.percentHundredths > best.percentHundredths ||
    (a.percentHundredths === best.percentHundredths && a.attemptNo > best.attemptNo)
      ? a
      : best,
  );
}

/** What the learner may see of an attempt now. Nothing at all while it is open. */
export function reviewVisibility(
  review: { afterSubmit: ReviewFlags; afterClose: ReviewFlags },
  status: string,
  now: Date,
  closeAt: Date | null,
): ReviewFlags {
  if (status === 'open') {
    return { score: false, responses: false, correctAnswers: false, feedback: false };
  }
  const closed = closeAt !== null && now >= closeAt;
  const after = review.afterSubmit;
  const close = closed ? review.afterClose : after;
  return {
    score: after.score || close.score,
    responses: after.responses || close.responses,
    correctAnswers: after.correctAnswers || close.correctAnswers,
    feedback: after.feedback || close.feedback,
  };
}
