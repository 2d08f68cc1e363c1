import type { TFunction } from 'i18next';

export const REVIEW_FLAGS = ['score', 'responses', 'correctAnswers', 'feedback'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];
export type ReviewFlags = Record<ReviewFlag, boolean>;
export interface ReviewSettings {
  afterSubmit: ReviewFlags;
  afterClose: ReviewFlags;
}

/**
 * What a learner gets to see, in one plain sentence, e.g. "After submitting: score only; after
 * the quiz closes: also correct answers." After the close a learner sees what they saw after
 * submitting plus the close options (the server's reviewVisibility), so the second part names
 * only what the close adds; without a close time that moment never comes, and the sentence says so.
 */
export function reviewSentence(
  t: TFunction,
  language: string,
  review: ReviewSettings,
  hasCloseTime: boolean,
): string {
  const list = (flags: ReviewFlag[]) =>
    new Intl.ListFormat(language, { type: 'conjunction' }).format(
      flags.map((f) => t(`quizSettings.review.item.${f}`)),
    );
  const shownAfterSubmit = REVIEW_FLAGS.filter((f) => review.afterSubmit[f]);
  const addedAtClose = REVIEW_FLAGS.filter((f) => review.afterClose[f] && !review.afterSubmit[f]);

  const first =
    shownAfterSubmit.length === 0
      ? t('quizSettings.review.sentence.afterSubmitNothing')
      : shownAfterSubmit.length === 1
        ? t('quizSettings.review.sentence.afterSubmitOnly', { item: list(shownAfterSubmit) })
        : t('quizSettings.review.sentence.afterSubmit', { items: list(shownAfterSubmit) });
  let second: string;
  if (!hasCloseTime) {
    second = addedAtClose.length
      ? t('quizSettings.review.sentence.neverCloses', { items: list(addedAtClose) })
      : '';
  } else if (addedAtClose.length === 0) {
    second = t('quizSettings.review.sentence.afterCloseNothingMore');
  } else {
    second = t(
      shownAfterSubmit.length
        ? 'quizSettings.review.sentence.afterCloseAlso'
        : 'quizSettings.review.sentence.afterClose',
      { items: list(addedAtClose) },
    );
  }
  const sentence = second ? `${first}; ${second}` : first;
  return `${sentence.charAt(0).toLocaleUpperCase(language)}${sentence.slice(1)}.`;
}
