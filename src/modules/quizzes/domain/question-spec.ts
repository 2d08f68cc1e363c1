import { randomUUID } from 'node:crypto';
import type {
  ChoiceOption,
  MatchingPair,
  NumericalAnswer,
  QuestionDraft,
  QuestionType,
} from '@app/question-formats';
import type { ScorableMatchingPair, ScorableOption, ScorableQuestion } from './scoring';

/** The answer key of one question version, stored as jsonb and never sent to learners as is. */
export interface QuestionSpec {
  options?: ScorableOption[];
  correctAnswer?: boolean;
  feedbackTrue?: string;
  feedbackFalse?: string;
  acceptedAnswers?: ChoiceOption[];
  caseSensitive?: boolean;
  numericalAnswers?: NumericalAnswer[];
  matchingPairs?: ScorableMatchingPair[];
}

/** What a version row holds besides ids: the draft minus category/tags/line. */
export interface VersionContent {
  type: QuestionType;
  title: string | null;
  text: string;
  textFormat: string;
  generalFeedback: string | null;
  defaultMarkHundredths: number;
  spec: QuestionSpec;
}

type IdentifiedOption = ChoiceOption & { id?: string };
type IdentifiedPair = MatchingPair & { id?: string };

/**
 * Builds a version from a draft. Option and pair ids are random; an id the author sends back
 * from the previous version is kept (so responses stay comparable across a regrade), any other
 * id is replaced, so ids never encode order or correctness.
 */
export function versionFromDraft(
  draft: Omit<QuestionDraft, 'line' | 'tags' | 'category' | 'options' | 'matchingPairs'> & {
    options?: IdentifiedOption[];
    matchingPairs?: IdentifiedPair[];
  },
  previous?: QuestionSpec,
): VersionContent {
  const keep = (id: string | undefined, known: Set<string>) =>
    id && known.has(id) ? id : randomUUID();
  const knownOptions = new Set((previous?.options ?? []).map((o) => o.id));
  const knownPairs = new Set((previous?.matchingPairs ?? []).map((p) => p.id));
  const spec: QuestionSpec = {};
  switch (draft.type) {
    case 'single_choice':
    case 'multiple_choice':
      spec.options = (draft.options ?? []).map((o) => ({
        id: keep(o.id, knownOptions),
        text: o.text,
        fraction: o.fraction,
        ...(o.feedback ? { feedback: o.feedback } : {}),
      }));
      break;
    case 'true_false':
      spec.correctAnswer = draft.correctAnswer;
      if (draft.feedbackTrue) spec.feedbackTrue = draft.feedbackTrue;
      if (draft.feedbackFalse) spec.feedbackFalse = draft.feedbackFalse;
      break;
    case 'short_answer':
      spec.acceptedAnswers = (draft.acceptedAnswers ?? []).map(stripUndefined);
      spec.caseSensitive = draft.caseSensitive ?? false;
      break;
    case 'numerical':
      spec.numericalAnswers = (draft.numericalAnswers ?? []).map(stripUndefined);
      break;
    case 'matching':
      spec.matchingPairs = (draft.matchingPairs ?? []).map((p) => ({
        id: keep(p.id, knownPairs),
        prompt: p.prompt,
        answer: p.answer,
      }));
      break;
  }
  return {
    type: draft.type,
    title: draft.title ?? null,
    text: draft.text,
    textFormat: draft.textFormat,
    generalFeedback: draft.generalFeedback ?? null,
    defaultMarkHundredths: Math.round(draft.defaultMark * 100),
    spec,
  };
}

/** The inverse of versionFromDraft, for export (ids are dropped: formats have none). */
export function draftFromVersion(
  version: VersionContent,
  extra: { category?: string; tags: string[] },
): QuestionDraft {
  const { spec } = version;
  const draft: QuestionDraft = {
    type: version.type,
    text: version.text,
    textFormat: version.textFormat as QuestionDraft['textFormat'],
    defaultMark: version.defaultMarkHundredths / 100,
    tags: extra.tags,
    line: 0,
  };
  if (version.title) draft.title = version.title;
  if (version.generalFeedback) draft.generalFeedback = version.generalFeedback;
  if (extra.category) draft.category = extra.category;
  if (spec.options) draft.options = spec.options.map(({ id: _id, ...o }) => o);
  if (spec.correctAnswer !== undefined) draft.correctAnswer = spec.correctAnswer;
  if (spec.feedbackTrue) draft.feedbackTrue = spec.feedbackTrue;
  if (spec.feedbackFalse) draft.feedbackFalse = spec.feedbackFalse;
  if (spec.acceptedAnswers) draft.acceptedAnswers = spec.acceptedAnswers;
  if (spec.caseSensitive !== undefined && version.type === 'short_answer') {
    draft.caseSensitive = spec.caseSensitive;
  }
  if (spec.numericalAnswers) draft.numericalAnswers = spec.numericalAnswers;
  if (spec.matchingPairs) draft.matchingPairs = spec.matchingPairs.map(({ id: _id, ...p }) => p);
  return draft;
}

export function toScorable(type: QuestionType, spec: QuestionSpec): ScorableQuestion {
  switch (type) {
    case 'single_choice':
    case 'multiple_choice':
      return { type, options: spec.options ?? [] };
    case 'true_false':
      return { type, correctAnswer: spec.correctAnswer ?? true };
    case 'short_answer':
      return {
        type,
        acceptedAnswers: spec.acceptedAnswers ?? [],
        caseSensitive: spec.caseSensitive,
      };
    case 'numerical':
      return { type, numericalAnswers: spec.numericalAnswers ?? [] };
    case 'matching':
      return { type, matchingPairs: spec.matchingPairs ?? [] };
    case 'essay':
      return { type };
    default:
      return { type: 'description' };
  }
}

/** Distinct answer texts of a matching question, in authored order (distractors included). */
export function matchingAnswers(pairs: MatchingPair[]): string[] {
  return [...new Set(pairs.map((p) => p.answer.trim()).filter((a) => a !== ''))];
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
