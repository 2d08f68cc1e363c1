import type { LessonView, UpdateLessonDto } from '../../../app/api';

/** The editable fields of one lesson as the form holds them (numbers may be empty while typed). */
export interface LessonDraft {
  titleId: string;
  titleEn: string;
  required: boolean;
  /** false: the server derives the minimum time at publish (JP hours, the video's duration). */
  customMinTime: boolean;
  minMinutes: number | '';
  markdown: string;
  videoUrl: string;
  durationSeconds: number | '';
}

export function draftOf(lesson: LessonView): LessonDraft {
  return {
    titleId: lesson.titleId,
    titleEn: lesson.titleEn,
    required: lesson.required,
    customMinTime: lesson.minSeconds !== null,
    minMinutes: lesson.minSeconds === null ? '' : Math.round((lesson.minSeconds / 60) * 100) / 100,
    markdown: lesson.content.markdown ?? '',
    videoUrl: lesson.content.videoUrl ?? '',
    durationSeconds: lesson.content.durationSeconds ?? '',
  };
}

/** The minimum seconds the draft asks for: null to derive it, else whole seconds. */
export function minSecondsOf(draft: LessonDraft): number | null {
  if (!draft.customMinTime) return null;
  return Math.round(Number(draft.minMinutes || 0) * 60);
}

/** Only the fields of the lesson's type are sent; an empty video field is left as it was. */
export function updateOf(type: LessonView['type'], draft: LessonDraft): UpdateLessonDto {
  const update: UpdateLessonDto = {
    titleId: draft.titleId.trim(),
    titleEn: draft.titleEn.trim(),
    required: draft.required,
    minSeconds: minSecondsOf(draft),
  };
  if (type === 'text') update.content = { markdown: draft.markdown };
  if (type === 'video') {
    const content: NonNullable<UpdateLessonDto['content']> = {};
    if (draft.videoUrl.trim()) content.videoUrl = draft.videoUrl.trim();
    if (draft.durationSeconds !== '') content.durationSeconds = Number(draft.durationSeconds);
    update.content = content;
  }
  return update;
}

/** True when saving the draft would change the lesson. */
export function isDirty(lesson: LessonView, draft: LessonDraft): boolean {
  const saved = updateOf(lesson.type, draftOf(lesson));
  const edited = updateOf(lesson.type, draft);
  return JSON.stringify(saved) !== JSON.stringify(edited);
}

export type DraftProblem = 'titleId' | 'titleEn' | 'minMinutes' | 'videoUrl' | 'durationSeconds';

/** What the server would refuse, caught before sending (the same limits as the lesson DTO). */
export function draftProblems(type: LessonView['type'], draft: LessonDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.titleId.trim()) problems.push('titleId');
  if (!draft.titleEn.trim()) problems.push('titleEn');
  const minSeconds = minSecondsOf(draft);
  if (minSeconds !== null && (minSeconds < 0 || minSeconds > 86400)) problems.push('minMinutes');
  if (type === 'video') {
    if (draft.videoUrl.trim() && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(draft.videoUrl.trim())) {
      problems.push('videoUrl');
    }
    const d = draft.durationSeconds;
    if (d !== '' && (!Number.isInteger(d) || d < 1 || d > 86400)) problems.push('durationSeconds');
  }
  return problems;
}
