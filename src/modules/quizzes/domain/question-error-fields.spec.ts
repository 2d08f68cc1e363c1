import { ErrorCollector, validateQuestion } from '@app/question-formats';
import { toDraft } from './question-input';
import { fieldErrors, virtualItemLines } from './question-error-fields';

const check = (input: Parameters<typeof toDraft>[0]) => {
  const draft = toDraft(input);
  const errors = new ErrorCollector();
  validateQuestion(draft, errors, virtualItemLines(draft));
  return fieldErrors(draft.type, errors.sorted());
};

describe('question validation errors on form fields', () => {
  it('puts a weight sum problem on the options and a bad option on its index', () => {
    expect(
      check({
        type: 'multiple_choice',
        text: 'Pick',
        defaultMark: 1,
        options: [
          { text: 'a', fraction: 0.5 },
          { text: ' ', fraction: 0.2 },
        ],
      }),
    ).toEqual([
      expect.objectContaining({ code: 'CHOICE_FRACTIONS_SUM', field: 'options' }),
      expect.objectContaining({ code: 'EMPTY_ANSWER', field: 'options', index: 1 }),
    ]);
  });

  it('puts question-level problems on their own field', () => {
    expect(check({ type: 'true_false', text: ' ', defaultMark: 1 })).toEqual([
      expect.objectContaining({ code: 'EMPTY_QUESTION_TEXT', field: 'text' }),
      expect.objectContaining({ code: 'TRUE_FALSE_MISSING_ANSWER', field: 'correctAnswer' }),
    ]);
    expect(check({ type: 'short_answer', text: 'Q', defaultMark: 1, acceptedAnswers: [] })).toEqual(
      [expect.objectContaining({ code: 'SHORT_ANSWER_NO_ANSWERS', field: 'acceptedAnswers' })],
    );
  });
});
