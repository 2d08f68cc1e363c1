import type { QuizView, UpdateQuizDto } from '../../../app/api';
import type { ReviewSettings } from './review-sentence';

/** The settings form's state: inputs as typed ('' = empty), times as WIB datetime-local text. */
export interface SettingsForm {
  title: string;
  timeLimitMinutes: number | '';
  attemptsAllowed: number | '';
  passingPercent: number | '';
  gradingMethod: 'highest' | 'last';
  openAt: string;
  closeAt: string;
  mode: 'fixed' | 'random';
  questionIds: string[];
  /** categoryId → questions drawn (0 = none) */
  draws: Record<string, number>;
  shuffleQuestions: boolean;
  shuffleAnswers: boolean;
  review: ReviewSettings;
}

const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** An instant as the datetime-local text of Jakarta time (WIB, UTC+7, no daylight saving). */
export function isoToWib(iso: string | null): string {
  if (!iso) return '';
  return new Date(new Date(iso).getTime() + WIB_OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant of a datetime-local text read as Jakarta time; null when empty. */
export function wibToIso(local: string): string | null {
  if (!local) return null;
  const instant = new Date(`${local}:00+07:00`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

export function formFromQuiz(quiz: QuizView): SettingsForm {
  const selection = quiz.options.selection;
  return {
    title: quiz.title,
    timeLimitMinutes: quiz.timeLimitSeconds === null ? '' : quiz.timeLimitSeconds / 60,
    attemptsAllowed: quiz.attemptsAllowed ?? '',
    passingPercent: quiz.passingPercent,
    gradingMethod: quiz.gradingMethod,
    openAt: isoToWib(quiz.openAt),
    closeAt: isoToWib(quiz.closeAt),
    mode: selection.mode,
    questionIds: selection.questionIds ?? [],
    draws: Object.fromEntries((selection.draws ?? []).map((d) => [d.categoryId, d.count])),
    shuffleQuestions: quiz.options.shuffleQuestions,
    shuffleAnswers: quiz.options.shuffleAnswers,
    review: {
      afterSubmit: { ...quiz.options.review.afterSubmit },
      afterClose: { ...quiz.options.review.afterClose },
    },
  };
}

const numberOrNull = (value: number | '') => (value === '' ? null : value);

function toDto(form: SettingsForm): Required<UpdateQuizDto> {
  return {
    title: form.title.trim(),
    timeLimitSeconds:
      form.timeLimitMinutes === '' ? null : Math.round(Number(form.timeLimitMinutes) * 60),
    attemptsAllowed: numberOrNull(form.attemptsAllowed),
    passingPercent: form.passingPercent === '' ? Number.NaN : form.passingPercent,
    gradingMethod: form.gradingMethod,
    openAt: wibToIso(form.openAt),
    closeAt: wibToIso(form.closeAt),
    selection:
      form.mode === 'fixed'
        ? { mode: 'fixed', questionIds: form.questionIds }
        : {
            mode: 'random',
            draws: Object.entries(form.draws)
              .filter(([, count]) => count > 0)
              .map(([categoryId, count]) => ({ categoryId, count })),
          },
    shuffleQuestions: form.shuffleQuestions,
    shuffleAnswers: form.shuffleAnswers,
    review: form.review,
  };
}

/** Only the fields that differ from the saved settings, so a PATCH never rewrites the rest. */
export function changedSettings(saved: SettingsForm, form: SettingsForm): UpdateQuizDto {
  const before = toDto(saved);
  const after = toDto(form);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof UpdateQuizDto)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes as UpdateQuizDto;
}

/**
 * The form field a server error concerns: a validation error's path ("selection.draws.0.count"
 * → "selection", "passingPercent" stays), or the field the domain error names.
 */
export function fieldOf(path: string): string {
  const [head] = path.split('.');
  return head;
}
