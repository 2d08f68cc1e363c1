import type { AttemptQuestionView, SaveAnswerDto } from '../../../app/api';

/** An answer as the page holds it: the server's response shape (with `type`). */
export type Response =
  | { type: 'single_choice'; optionId: string | null }
  | { type: 'multiple_choice'; optionIds: string[] }
  | { type: 'true_false'; answer: boolean | null }
  | { type: 'short_answer' | 'numerical' | 'essay'; text: string }
  | { type: 'matching'; matches: { pairId: string; answer: string }[] };

/**
 * How far the device clock is behind the server's (ms to add to `Date.now()`), measured when
 * the attempt arrived. A learner who changes their clock gains nothing: the server fixed the
 * deadline and takes a late save only within its short offline grace.
 */
export function clockOffset(serverNow: string, receivedAt: number): number {
  return Date.parse(serverNow) - receivedAt;
}

/** Milliseconds left until `deadline` on the server's clock, never below zero. */
export function remainingMs(deadline: string, offset: number, deviceNow: number): number {
  return Math.max(0, Date.parse(deadline) - (deviceNow + offset));
}

/** "4:05" or "1:02:09" (rounded up, so 0:00 shows only when the time is really over). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Whether a response counts as given (an empty text or no choice is not an answer). */
export function isAnswered(response: Response | undefined): boolean {
  if (!response) return false;
  switch (response.type) {
    case 'single_choice':
      return response.optionId !== null;
    case 'multiple_choice':
      return response.optionIds.length > 0;
    case 'true_false':
      return response.answer !== null;
    case 'matching':
      return response.matches.some((m) => m.answer !== '');
    default:
      return response.text.trim() !== '';
  }
}

/**
 * The save route's body for a response (the type is the question's, not sent), stamped with
 * when it was given on the server's clock: delivered late after being given offline before the
 * deadline, the server still takes it during its grace.
 */
export function saveBody(response: Response, givenAtServerMs: number): SaveAnswerDto {
  const answeredAt = new Date(givenAtServerMs).toISOString();
  if (response.type === 'matching') {
    return { matches: response.matches.filter((m) => m.answer !== ''), answeredAt };
  }
  const { type, ...body } = response;
  void type;
  return { ...body, answeredAt } as SaveAnswerDto;
}

/** A response back from a queued save body (what the outbox holds for a question). */
export function responseFromBody(type: Response['type'], body: SaveAnswerDto): Response {
  const { answeredAt, ...rest } = body;
  void answeredAt;
  return { type, ...rest } as Response;
}

/** The numbers of the questions that take an answer and have none. */
export function unansweredNumbers(
  questions: readonly AttemptQuestionView[],
  answers: Readonly<Record<string, Response>>,
): number[] {
  return questions
    .filter((q) => q.type !== 'description' && !isAnswered(answers[q.id]))
    .map((q) => q.number);
}
