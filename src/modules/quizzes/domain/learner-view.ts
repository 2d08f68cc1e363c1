import { renderMarkdown } from '../../../common/text/render-markdown';
import type { SnapshotItem } from './attempt-rules';
import { matchingAnswers, type VersionContent } from './question-spec';
import type { ReviewFlags } from './quiz-settings';
import type { QuestionResponse } from './scoring';

/** A question as a learner sees it during an attempt: no key, no fractions, no feedback. */
export interface LearnerQuestion {
  id: string;
  number: number;
  type: string;
  text: string;
  maxMark: number;
  options?: { id: string; text: string }[];
  prompts?: { id: string; text: string }[];
  choices?: string[];
}

/** Rendered once per version (versions never change), shared by every attempt showing it. */
export interface RenderedVersion {
  type: string;
  text: string;
  maxMark: number;
  options: Map<string, string>;
  prompts: { id: string; text: string }[];
  answers: string[];
}

export function renderText(text: string, format: string): string {
  if (format === 'plain') return renderMarkdown(escapeMarkdown(text));
  return renderMarkdown(text);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>&|~]/g, (c) => `\\${c}`);
}

export function renderVersion(version: VersionContent): RenderedVersion {
  const pairs = version.spec.matchingPairs ?? [];
  return {
    type: version.type,
    text: renderText(version.text, version.textFormat),
    maxMark: version.defaultMarkHundredths / 100,
    options: new Map(
      (version.spec.options ?? []).map((o) => [o.id, renderText(o.text, version.textFormat)]),
    ),
    prompts: pairs
      .filter((p) => p.prompt.trim() !== '')
      .map((p) => ({ id: p.id, text: renderText(p.prompt, version.textFormat) })),
    answers: matchingAnswers(pairs),
  };
}

export function learnerQuestion(
  item: SnapshotItem,
  index: number,
  rendered: RenderedVersion,
): LearnerQuestion {
  const view: LearnerQuestion = {
    id: item.v,
    number: index + 1,
    type: rendered.type,
    text: rendered.text,
    maxMark: rendered.maxMark,
  };
  if (item.o) view.options = item.o.map((id) => ({ id, text: rendered.options.get(id) ?? '' }));
  if (item.m) {
    view.prompts = rendered.prompts;
    view.choices = item.m.map((i) => rendered.answers[i]).filter((a) => a !== undefined);
  }
  return view;
}

export interface QuestionReview {
  response?: QuestionResponse | null;
  awardedMark?: number | null;
  correctOptionIds?: string[];
  correctAnswer?: boolean;
  acceptedAnswers?: string[];
  acceptedNumbers?: { value: number; tolerance: number }[];
  correctMatches?: { pairId: string; answer: string }[];
  generalFeedback?: string;
  answerFeedback?: string[];
  graderComment?: string;
}

/** The per-question review block, holding exactly what the flags allow. */
export function questionReview(
  version: VersionContent,
  flags: ReviewFlags,
  answer:
    | { response: QuestionResponse; markHundredths: number | null; comment: string | null }
    | undefined,
): QuestionReview | undefined {
  if (!flags.responses && !flags.correctAnswers && !flags.feedback) return undefined;
  const review: QuestionReview = {};
  const spec = version.spec;
  if (flags.responses) review.response = answer?.response ?? null;
  if (flags.correctAnswers) {
    review.awardedMark = answer?.markHundredths == null ? null : answer.markHundredths / 100;
    if (spec.options)
      review.correctOptionIds = spec.options.filter((o) => o.fraction > 0).map((o) => o.id);
    if (spec.correctAnswer !== undefined) review.correctAnswer = spec.correctAnswer;
    if (spec.acceptedAnswers) {
      review.acceptedAnswers = spec.acceptedAnswers
        .filter((a) => a.fraction > 0)
        .map((a) => a.text);
    }
    if (spec.numericalAnswers) {
      review.acceptedNumbers = spec.numericalAnswers
        .filter((a) => a.fraction > 0)
        .map((a) => ({ value: a.value, tolerance: a.tolerance }));
    }
    if (spec.matchingPairs) {
      review.correctMatches = spec.matchingPairs
        .filter((p) => p.prompt.trim() !== '')
        .map((p) => ({ pairId: p.id, answer: p.answer }));
    }
  }
  if (flags.feedback) {
    if (version.generalFeedback) review.generalFeedback = version.generalFeedback;
    const chosen = chosenFeedback(version, answer?.response);
    if (chosen.length) review.answerFeedback = chosen;
    if (answer?.comment) review.graderComment = answer.comment;
  }
  return review;
}

function chosenFeedback(version: VersionContent, response: QuestionResponse | undefined): string[] {
  if (!response) return [];
  const spec = version.spec;
  switch (response.type) {
    case 'single_choice':
    case 'multiple_choice': {
      const ids = new Set(
        response.type === 'single_choice' ? [response.optionId] : response.optionIds,
      );
      return (spec.options ?? [])
        .filter((o) => ids.has(o.id) && o.feedback)
        .map((o) => o.feedback!);
    }
    case 'true_false': {
      const text =
        response.answer === true
          ? spec.feedbackTrue
          : response.answer === false
            ? spec.feedbackFalse
            : undefined;
      return text ? [text] : [];
    }
    default:
      return [];
  }
}
