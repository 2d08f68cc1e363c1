import { ApiError } from '../../../app/api';
import {
  categoryTree,
  emptyForm,
  fieldProblemsOf,
  inputFromForm,
  newNumeric,
  positiveWeightSum,
} from './question-form';

describe('question form', () => {
  it('sends only the chosen type’s fields, weights as fractions', () => {
    const form = { ...emptyForm('multiple_choice'), text: 'Pilih', title: '  ' };
    form.options = form.options.map((o, i) => ({ ...o, text: `O${i}`, weight: i ? -33.333 : 50 }));
    const input = inputFromForm(form);
    expect(input).toEqual({
      type: 'multiple_choice',
      text: 'Pilih',
      textFormat: 'markdown',
      defaultMark: 1,
      tags: [],
      options: [
        { text: 'O0', fraction: 0.5 },
        { text: 'O1', fraction: -0.33333 },
      ],
    });
    expect(positiveWeightSum(form.options)).toBe(50);
  });

  it('sends a numerical range as min and max, and an empty value as missing', () => {
    const form = emptyForm('numerical');
    form.numericalAnswers = [
      { ...newNumeric(), mode: 'range', min: 220, max: 230 },
      { ...newNumeric(), value: '', weight: 50 },
    ];
    expect(inputFromForm(form).numericalAnswers).toEqual([
      { min: 220, max: 230, fraction: 1 },
      { value: undefined, tolerance: 0, fraction: 0.5 },
    ]);
  });

  it('places server problems on fields and list items', () => {
    const invalid = new ApiError(422, 'QUESTION_INVALID', {
      errors: [
        { code: 'CHOICE_FRACTIONS_SUM', message: 'sum', field: 'options' },
        { code: 'EMPTY_ANSWER', message: 'empty', field: 'options', index: 1 },
        { code: 'X', message: 'whole' },
      ],
    });
    expect(fieldProblemsOf(invalid)).toEqual({
      options: [{ code: 'CHOICE_FRACTIONS_SUM', message: 'sum' }],
      'options.1': [{ code: 'EMPTY_ANSWER', message: 'empty' }],
      form: [{ code: 'X', message: 'whole' }],
    });
    const badInput = new ApiError(400, 'VALIDATION_FAILED', [
      { field: 'options.0.text', messages: ['too long'] },
      { field: 'defaultMark', messages: ['not a number'] },
    ]);
    expect(fieldProblemsOf(badInput)).toEqual({
      'options.0': [{ code: 'INVALID_VALUE', message: 'too long' }],
      defaultMark: [{ code: 'INVALID_VALUE', message: 'not a number' }],
    });
    expect(fieldProblemsOf(new ApiError(404, 'NOT_FOUND'))).toBeNull();
  });

  it('builds the category tree from "Parent/Child" names', () => {
    const tree = categoryTree([
      { id: 'b', name: 'K3 Umum/APD', questions: 2 },
      { id: 'c', name: 'Listrik', questions: 0 },
      { id: 'a', name: 'K3 Umum/APAR', questions: 1 },
    ]);
    expect(tree.map((n) => [n.label, n.category?.id, n.children.map((c) => c.label)])).toEqual([
      ['K3 Umum', undefined, ['APAR', 'APD']],
      ['Listrik', 'c', []],
    ]);
  });
});
