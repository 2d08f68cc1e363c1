import type {
  FormatError,
  QuestionDraft,
  QuestionType,
  validateQuestion,
} from '@app/question-formats';

type ItemLines = NonNullable<Parameters<typeof validateQuestion>[2]>;

/** A validation problem of the authoring form, placed on the field (and list item) it concerns. */
export interface QuestionFieldError {
  code: string;
  message: string;
  /** A QuestionInputDto property, e.g. `options`; absent when it concerns the whole question. */
  field?: string;
  /** The item of that list (0-based), when the problem is one option, answer or pair. */
  index?: number;
}

const QUESTION_LINE = 1;
const FIRST_ITEM_LINE = 2;

const ITEM_LIST: Partial<Record<QuestionType, Exclude<keyof ItemLines, 'itemsDropped'>>> = {
  single_choice: 'options',
  multiple_choice: 'options',
  short_answer: 'acceptedAnswers',
  numerical: 'numericalAnswers',
  matching: 'matchingPairs',
};

const FIELD_OF_CODE: Record<string, string> = {
  EMPTY_QUESTION_TEXT: 'text',
  INVALID_DEFAULT_MARK: 'defaultMark',
  TRUE_FALSE_MISSING_ANSWER: 'correctAnswer',
};

/**
 * The form has no source lines, so validation runs on virtual ones: the question is line 1 and
 * item i of its answer list is line i + 2. This gives those lines; `fieldErrors` reads them back.
 */
export function virtualItemLines(draft: QuestionDraft): ItemLines {
  const list = ITEM_LIST[draft.type];
  if (!list) return {};
  const count = draft[list]?.length ?? 0;
  return { [list]: Array.from({ length: count }, (_, i) => FIRST_ITEM_LINE + i) };
}

/** Validation errors on virtual lines (see virtualItemLines) turned into field errors. */
export function fieldErrors(type: QuestionType, errors: FormatError[]): QuestionFieldError[] {
  const list = ITEM_LIST[type];
  return errors.map(({ line, code, message }) => {
    if (list && line >= FIRST_ITEM_LINE) {
      return { code, message, field: list, index: line - FIRST_ITEM_LINE };
    }
    const field = line === QUESTION_LINE ? (FIELD_OF_CODE[code] ?? list) : undefined;
    return field ? { code, message, field } : { code, message };
  });
}
