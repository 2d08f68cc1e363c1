import i18next, { type TFunction } from 'i18next';
import en from '../../../locales/en.json';
import id from '../../../locales/id.json';
import { reviewSentence, type ReviewFlags, type ReviewSettings } from './review-sentence';

const none: ReviewFlags = {
  score: false,
  responses: false,
  correctAnswers: false,
  feedback: false,
};
const flags = (...on: (keyof ReviewFlags)[]): ReviewFlags =>
  Object.fromEntries(
    Object.keys(none).map((k) => [k, on.includes(k as keyof ReviewFlags)]),
  ) as ReviewFlags;
const review = (afterSubmit: ReviewFlags, afterClose: ReviewFlags): ReviewSettings => ({
  afterSubmit,
  afterClose,
});

async function translator(language: 'id' | 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { id: { translation: id }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('reviewSentence', () => {
  let tEn: TFunction;
  let tId: TFunction;
  beforeAll(async () => {
    tEn = await translator('en');
    tId = await translator('id');
  });

  it('says score only after submitting and the correct answers after the close (en)', () => {
    const r = review(flags('score'), flags('score', 'correctAnswers'));
    expect(reviewSentence(tEn, 'en', r, true)).toBe(
      'After submitting: score only; after the quiz closes: also correct answers.',
    );
  });

  it('says the same in Indonesian', () => {
    const r = review(flags('score'), flags('score', 'correctAnswers'));
    expect(reviewSentence(tId, 'id', r, true)).toBe(
      'Setelah mengirim: hanya nilai; setelah kuis ditutup: juga kunci jawaban.',
    );
  });

  it('lists several items with the language’s "and"', () => {
    const r = review(flags('score', 'responses', 'feedback'), none);
    expect(reviewSentence(tEn, 'en', r, true)).toBe(
      'After submitting: score, their own answers, and feedback; after the quiz closes: nothing more.',
    );
    expect(reviewSentence(tId, 'id', r, true)).toBe(
      'Setelah mengirim: nilai, jawaban peserta sendiri, dan umpan balik; setelah kuis ditutup: tidak ada tambahan.',
    );
  });

  it('says when nothing is shown at all', () => {
    expect(reviewSentence(tEn, 'en', review(none, none), true)).toBe(
      'After submitting: nothing; after the quiz closes: nothing more.',
    );
    expect(reviewSentence(tId, 'id', review(none, none), false)).toBe(
      'Setelah mengirim: tidak ada.',
    );
  });

  it('names what the close shows when nothing was shown before it', () => {
    const r = review(none, flags('score', 'correctAnswers'));
    expect(reviewSentence(tEn, 'en', r, true)).toBe(
      'After submitting: nothing; after the quiz closes: score and correct answers.',
    );
    expect(reviewSentence(tId, 'id', r, true)).toBe(
      'Setelah mengirim: tidak ada; setelah kuis ditutup: nilai dan kunci jawaban.',
    );
  });

  it('warns that close options never apply to a quiz without a close time', () => {
    const r = review(flags('score'), flags('correctAnswers'));
    expect(reviewSentence(tEn, 'en', r, false)).toBe(
      'After submitting: score only; correct answers would show after the quiz closes, but it has no close time.',
    );
    expect(reviewSentence(tId, 'id', r, false)).toBe(
      'Setelah mengirim: hanya nilai; kunci jawaban baru tampil setelah kuis ditutup, tetapi kuis ini tidak punya waktu tutup.',
    );
  });
});
