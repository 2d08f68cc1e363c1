import { ApiError, type QuestionInputDto, type QuestionView } from '../../../app/api';

export type QuestionType = QuestionInputDto['type'];

export const QUESTION_TYPES: readonly QuestionType[] = [
  'single_choice',
  'multiple_choice',
  'true_false',
  'short_answer',
  'numerical',
  'matching',
  'essay',
  'description',
];

type Num = number | string;

export interface OptionRow {
  key: string;
  id?: string;
  text: string;
  /** Percent of the mark: -100..100 for choices, 0..100 for accepted answers. */
  weight: Num;
  feedback: string;
}

export interface NumericRow {
  key: string;
  mode: 'tolerance' | 'range';
  value: Num;
  tolerance: Num;
  min: Num;
  max: Num;
  weight: Num;
  feedback: string;
}

export interface PairRow {
  key: string;
  id?: string;
  prompt: string;
  answer: string;
}

/** The authoring form's state: every type's fields, only the chosen type's are sent. */
export interface QuestionForm {
  type: QuestionType;
  title: string;
  text: string;
  textFormat: NonNullable<QuestionInputDto['textFormat']>;
  defaultMark: Num;
  categoryId: string | null;
  tags: string[];
  generalFeedback: string;
  options: OptionRow[];
  correctAnswer: '' | 'true' | 'false';
  feedbackTrue: string;
  feedbackFalse: string;
  acceptedAnswers: OptionRow[];
  caseSensitive: boolean;
  numericalAnswers: NumericRow[];
  matchingPairs: PairRow[];
}

let nextKey = 0;
/** A stable React key for a new list row. */
export const rowKey = () => `row-${(nextKey += 1)}`;

export const newOption = (weight: Num = 0): OptionRow => ({
  key: rowKey(),
  text: '',
  weight,
  feedback: '',
});
export const newNumeric = (): NumericRow => ({
  key: rowKey(),
  mode: 'tolerance',
  value: '',
  tolerance: 0,
  min: '',
  max: '',
  weight: 100,
  feedback: '',
});
export const newPair = (): PairRow => ({ key: rowKey(), prompt: '', answer: '' });

export function emptyForm(type: QuestionType = 'single_choice', categoryId: string | null = null) {
  const form: QuestionForm = {
    type,
    title: '',
    text: '',
    textFormat: 'markdown',
    defaultMark: 1,
    categoryId,
    tags: [],
    generalFeedback: '',
    options: [newOption(100), newOption(0)],
    correctAnswer: '',
    feedbackTrue: '',
    feedbackFalse: '',
    acceptedAnswers: [newOption(100)],
    caseSensitive: false,
    numericalAnswers: [newNumeric()],
    matchingPairs: [newPair(), newPair()],
  };
  return form;
}

const percent = (fraction: number) => Math.round(fraction * 1e5) / 1e3;
const fraction = (weight: Num) =>
  weight === '' ? Number.NaN : Math.round(Number(weight) * 1e4) / 1e6;
const optional = (text: string) => (text.trim() === '' ? undefined : text);
const numberOrUndefined = (value: Num) => (value === '' ? undefined : Number(value));

export function formFromQuestion(q: QuestionView): QuestionForm {
  const base = emptyForm(q.type, q.categoryId);
  const spec = q.spec;
  const answers = (list: { text: string; fraction: number; feedback?: string }[] | undefined) =>
    list?.map((a) => ({
      key: rowKey(),
      text: a.text,
      weight: percent(a.fraction),
      feedback: a.feedback ?? '',
    }));
  return {
    ...base,
    title: q.title ?? '',
    text: q.text,
    textFormat: q.textFormat,
    defaultMark: q.defaultMark,
    tags: q.tags,
    generalFeedback: q.generalFeedback ?? '',
    options: spec.options?.map((o) => ({ ...answers([o])![0], id: o.id })) ?? base.options,
    correctAnswer: spec.correctAnswer === undefined ? '' : spec.correctAnswer ? 'true' : 'false',
    feedbackTrue: spec.feedbackTrue ?? '',
    feedbackFalse: spec.feedbackFalse ?? '',
    acceptedAnswers: answers(spec.acceptedAnswers) ?? base.acceptedAnswers,
    caseSensitive: spec.caseSensitive ?? false,
    numericalAnswers:
      spec.numericalAnswers?.map((a) => ({
        ...newNumeric(),
        value: a.value,
        tolerance: a.tolerance,
        weight: percent(a.fraction),
        feedback: a.feedback ?? '',
      })) ?? base.numericalAnswers,
    matchingPairs:
      spec.matchingPairs?.map((p) => ({
        key: rowKey(),
        id: p.id,
        prompt: p.prompt,
        answer: p.answer,
      })) ?? base.matchingPairs,
  };
}

/** The request body: the common fields plus the chosen type's own. */
export function inputFromForm(form: QuestionForm): QuestionInputDto {
  const input: QuestionInputDto = {
    type: form.type,
    text: form.text,
    textFormat: form.textFormat,
    defaultMark: form.defaultMark === '' ? Number.NaN : Number(form.defaultMark),
    tags: form.tags,
  };
  if (optional(form.title)) input.title = form.title.trim();
  if (optional(form.generalFeedback)) input.generalFeedback = form.generalFeedback;
  if (form.categoryId) input.categoryId = form.categoryId;
  const weighted = (rows: OptionRow[]) =>
    rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      text: r.text,
      fraction: fraction(r.weight),
      ...(optional(r.feedback) ? { feedback: r.feedback } : {}),
    }));
  switch (form.type) {
    case 'single_choice':
    case 'multiple_choice':
      input.options = weighted(form.options);
      break;
    case 'true_false':
      if (form.correctAnswer) input.correctAnswer = form.correctAnswer === 'true';
      if (optional(form.feedbackTrue)) input.feedbackTrue = form.feedbackTrue;
      if (optional(form.feedbackFalse)) input.feedbackFalse = form.feedbackFalse;
      break;
    case 'short_answer':
      input.acceptedAnswers = weighted(form.acceptedAnswers).map(({ id: _id, ...a }) => a);
      input.caseSensitive = form.caseSensitive;
      break;
    case 'numerical':
      input.numericalAnswers = form.numericalAnswers.map((r) => ({
        ...(r.mode === 'tolerance'
          ? { value: numberOrUndefined(r.value), tolerance: numberOrUndefined(r.tolerance) ?? 0 }
          : { min: numberOrUndefined(r.min), max: numberOrUndefined(r.max) }),
        fraction: fraction(r.weight),
        ...(optional(r.feedback) ? { feedback: r.feedback } : {}),
      }));
      break;
    case 'matching':
      input.matchingPairs = form.matchingPairs.map((p) => ({
        ...(p.id ? { id: p.id } : {}),
        prompt: p.prompt,
        answer: p.answer,
      }));
      break;
  }
  return input;
}

/** Sum of the positive choice weights, in percent (the multiple-choice rule wants 100). */
export function positiveWeightSum(rows: OptionRow[]): number {
  return (
    Math.round(rows.reduce((sum, r) => sum + Math.max(0, Number(r.weight) || 0), 0) * 100) / 100
  );
}

/** One server problem, as the form shows it. */
export interface FieldProblem {
  code: string;
  message: string;
}

/**
 * Problems by form field: `text`, `options` (the list), `options.1` (its second item), or
 * `form` (the question as a whole). Both the 422 QUESTION_INVALID errors (field + index) and the
 * 400 VALIDATION_FAILED details (dotted property paths like `options.1.text`) land here.
 */
export type FieldProblems = Record<string, FieldProblem[]>;

export function fieldProblemsOf(error: unknown): FieldProblems | null {
  if (!(error instanceof ApiError)) return null;
  const problems: FieldProblems = {};
  const add = (key: string, problem: FieldProblem) => {
    (problems[key] ??= []).push(problem);
  };
  if (error.code === 'QUESTION_INVALID') {
    const errors = (error.details as { errors?: unknown[] } | undefined)?.errors ?? [];
    for (const e of errors as { code: string; message: string; field?: string; index?: number }[]) {
      const key = e.field ? (e.index === undefined ? e.field : `${e.field}.${e.index}`) : 'form';
      add(key, { code: e.code, message: e.message });
    }
    return problems;
  }
  if (error.code === 'VALIDATION_FAILED' && Array.isArray(error.details)) {
    for (const d of error.details as { field: string; messages: string[] }[]) {
      const key = d.field.split('.').slice(0, 2).join('.');
      add(key, { code: 'INVALID_VALUE', message: d.messages.join(' ') });
    }
    return problems;
  }
  return null;
}

export interface CategoryNode {
  /** The full path, e.g. "K3 Umum/APD". */
  path: string;
  label: string;
  /** The category of exactly this path, when there is one (a parent may exist only as a prefix). */
  category?: { id: string; name: string; questions: number };
  children: CategoryNode[];
}

/** Moodle-style category paths ("Parent/Child") as a tree, sorted by name. */
export function categoryTree(
  categories: { id: string; name: string; questions: number }[],
): CategoryNode[] {
  const root: CategoryNode = { path: '', label: '', children: [] };
  for (const category of [...categories].sort((a, b) => a.name.localeCompare(b.name))) {
    let node = root;
    const parts = category.name.split('/').map((p) => p.trim());
    parts.forEach((label, i) => {
      const path = parts.slice(0, i + 1).join('/');
      let child = node.children.find((c) => c.path === path);
      if (!child) {
        child = { path, label, children: [] };
        node.children.push(child);
      }
      node = child;
    });
    node.category = category;
  }
  return root.children;
}
