import type { QuizView } from '../../../app/api';
import { changedSettings, fieldOf, formFromQuiz, isoToWib, wibToIso } from './settings-form';

const none = { score: false, responses: false, correctAnswers: false, feedback: false };
const quiz = {
  id: 'q',
  lessonId: 'l',
  courseId: 'c',
  title: 'Kuis K3',
  timeLimitSeconds: 1800,
  attemptsAllowed: null,
  passingPercent: 70,
  gradingMethod: 'highest',
  openAt: '2026-12-01T01:00:00.000Z',
  closeAt: null,
  options: {
    selection: { mode: 'fixed', questionIds: ['a', 'b'] },
    shuffleQuestions: false,
    shuffleAnswers: true,
    review: { afterSubmit: none, afterClose: none },
  },
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
} as QuizView;

describe('quiz settings form', () => {
  it('reads and writes times as Jakarta time (UTC+7)', () => {
    expect(isoToWib('2026-12-01T01:00:00.000Z')).toBe('2026-12-01T08:00');
    expect(isoToWib('2026-12-01T20:30:00.000Z')).toBe('2026-12-02T03:30');
    expect(wibToIso('2026-12-02T03:30')).toBe('2026-12-01T20:30:00.000Z');
    expect(wibToIso('')).toBeNull();
    expect(isoToWib(null)).toBe('');
  });

  it('sends nothing when nothing changed', () => {
    const form = formFromQuiz(quiz);
    expect(changedSettings(form, { ...form })).toEqual({});
  });

  it('sends only the changed fields, in the API units', () => {
    const saved = formFromQuiz(quiz);
    const form = {
      ...saved,
      timeLimitMinutes: '' as const,
      attemptsAllowed: 3,
      closeAt: '2026-12-10T17:00',
      mode: 'random' as const,
      draws: { cat1: 2, cat2: 0 },
      review: { afterSubmit: { ...none, score: true }, afterClose: none },
    };
    expect(changedSettings(saved, form)).toEqual({
      timeLimitSeconds: null,
      attemptsAllowed: 3,
      closeAt: '2026-12-10T10:00:00.000Z',
      selection: { mode: 'random', draws: [{ categoryId: 'cat1', count: 2 }] },
      review: { afterSubmit: { ...none, score: true }, afterClose: none },
    });
    expect(changedSettings(saved, { ...saved, timeLimitMinutes: 45 })).toEqual({
      timeLimitSeconds: 2700,
    });
  });

  it('names the form field of a server validation path', () => {
    expect(fieldOf('selection.draws.0.count')).toBe('selection');
    expect(fieldOf('passingPercent')).toBe('passingPercent');
  });
});
