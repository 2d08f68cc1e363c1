import { learnerQuestion, questionReview, renderVersion } from './learner-view';
import { versionFromDraft } from './question-spec';
import { NO_REVIEW } from './quiz-settings';

const version = versionFromDraft({
  type: 'single_choice',
  text: 'Pilih <script>alert(1)</script> **APD**',
  textFormat: 'markdown',
  defaultMark: 1,
  generalFeedback: 'Umum',
  options: [
    { text: 'Helm', fraction: 1, feedback: 'Ya' },
    { text: 'Sandal', fraction: 0, feedback: 'Tidak' },
  ],
});

describe('learner views', () => {
  it('renders sanitised markdown and shows no key', () => {
    const rendered = renderVersion(version);
    const ids = version.spec.options!.map((o) => o.id).reverse();
    const view = learnerQuestion({ v: 'v1', q: 'q1', t: 'single_choice', o: ids }, 0, rendered);
    expect(view.text).not.toContain('<script>');
    expect(view.text).toContain('<strong>APD</strong>');
    expect(view.options!.map((o) => o.id)).toEqual(ids);
    expect(JSON.stringify(view)).not.toMatch(/fraction|feedback|Ya|Umum/);
  });
  it('reviews nothing with no flags and exactly what the flags allow', () => {
    const answer = {
      response: { type: 'single_choice' as const, optionId: version.spec.options![1].id },
      markHundredths: 0,
      comment: null,
    };
    expect(questionReview(version, NO_REVIEW, answer)).toBeUndefined();
    expect(questionReview(version, { ...NO_REVIEW, responses: true }, answer)).toEqual({
      response: answer.response,
    });
    expect(questionReview(version, { ...NO_REVIEW, feedback: true }, answer)).toEqual({
      generalFeedback: 'Umum',
      answerFeedback: ['Tidak'],
    });
    expect(questionReview(version, { ...NO_REVIEW, correctAnswers: true }, answer)).toEqual({
      awardedMark: 0,
      correctOptionIds: [version.spec.options![0].id],
    });
  });
});
