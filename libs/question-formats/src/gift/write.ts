import { normaliseCategoryPath, toMoodleCategoryPath } from '../category-path';
import { QuestionDraft } from '../model';
import { fractionToPercent, formatNumber } from '../numbers';
import { escapeGift, escapeGiftWithArrow, protectFormatTag } from './escape';
import { startsWithFormatTag } from './format-tag';

type Escaper = (text: string) => string;

export function writeGift(questions: QuestionDraft[]): string {
  const chunks: string[] = [];
  let currentCategory: string | undefined;
  for (const question of questions) {
    if (question.category !== currentCategory) {
      chunks.push(`$CATEGORY: ${escapeGift(categoryPath(question.category))}\n`);
      currentCategory = question.category;
    }
    chunks.push(writeQuestion(question));
  }
  return chunks.join('\n');
}

/** A path that itself starts like `$course$/top/` keeps it only behind an explicit prefix. */
function categoryPath(category: string | undefined): string {
  if (category === undefined) {
    return '';
  }
  return normaliseCategoryPath(category) === category ? category : toMoodleCategoryPath(category);
}

function writeQuestion(question: QuestionDraft): string {
  const header = writeTags(question.tags) + writeTitle(question) + writeText(question);
  const body = writeAnswerBlock(question);
  return body === null ? `${header}\n` : `${header}{${body}}\n`;
}

function writeTags(tags: string[]): string {
  const tokens = tags
    .map((tag) => tag.replace(/[\r\n]+/g, ' ').trim())
    .filter((tag) => tag !== '')
    .map((tag) => `[tag:${tag.replace(/[\\\]]/g, (char) => `\\${char}`)}]`);
  return tokens.length === 0 ? '' : `// ${tokens.join(' ')}\n`;
}

function writeTitle(question: QuestionDraft): string {
  return question.title ? `::${escapeGift(question.title)}::` : '';
}

function writeText(question: QuestionDraft): string {
  const text = escapeGift(question.text);
  const needsTag =
    question.textFormat !== 'moodle' || startsWithFormatTag(text) || text.startsWith('//');
  return needsTag ? `[${question.textFormat}]${text}` : text;
}

/** Returns the text between the braces, or null for a description (no braces at all). */
function writeAnswerBlock(question: QuestionDraft): string | null {
  const format = question.textFormat;
  const feedbackText = (text: string | undefined, escape: Escaper = escapeGift) =>
    text ? '#' + protectFormatTag(escape(text), format) : '';
  const generalFeedback = question.generalFeedback
    ? `\t####${protectFormatTag(escapeGift(question.generalFeedback), format)}\n`
    : '';
  const lines = (entries: string[]) => `\n${entries.map((entry) => `\t${entry}\n`).join('')}`;

  switch (question.type) {
    case 'description':
      return null;
    case 'essay':
      return generalFeedback === '' ? '' : `\n${generalFeedback}`;
    case 'true_false': {
      const correct = question.correctAnswer === true;
      const right = correct ? question.feedbackTrue : question.feedbackFalse;
      const wrong = correct ? question.feedbackFalse : question.feedbackTrue;
      let answer = correct ? 'TRUE' : 'FALSE';
      if (wrong || right) {
        answer += feedbackText(wrong) || '#';
      }
      answer += feedbackText(right);
      return generalFeedback === '' ? answer : `${answer}\n${generalFeedback}`;
    }
    case 'single_choice':
    case 'multiple_choice': {
      const single = question.type === 'single_choice';
      const entries = (question.options ?? []).map((option) => {
        const text = protectFormatTag(escapeGift(option.text), format);
        const explicitWeight = text.startsWith('%');
        let prefix: string;
        if (single && option.fraction === 1) {
          prefix = explicitWeight ? '=%100%' : '=';
        } else if (option.fraction === 0 && !explicitWeight) {
          prefix = '~';
        } else {
          prefix = `~%${fractionToPercent(option.fraction)}%`;
        }
        return prefix + text + feedbackText(option.feedback);
      });
      return lines(entries) + generalFeedback;
    }
    case 'short_answer': {
      const entries = (question.acceptedAnswers ?? []).map((answer) => {
        const text = protectFormatTag(escapeGiftWithArrow(answer.text), format);
        const weight =
          answer.fraction === 1 && !text.startsWith('%')
            ? ''
            : `%${fractionToPercent(answer.fraction)}%`;
        return `=${weight}${text}${feedbackText(answer.feedback, escapeGiftWithArrow)}`;
      });
      return lines(entries) + generalFeedback;
    }
    case 'numerical': {
      const entries = (question.numericalAnswers ?? []).map(
        (answer) =>
          `=%${fractionToPercent(answer.fraction)}%${formatNumber(answer.value)}:` +
          `${formatNumber(answer.tolerance)}${feedbackText(answer.feedback)}`,
      );
      return `#${lines(entries)}${generalFeedback}`;
    }
    case 'matching': {
      const entries = (question.matchingPairs ?? []).map(
        (pair) =>
          `=${protectFormatTag(escapeGiftWithArrow(pair.prompt), format)} -> ` +
          escapeGift(pair.answer),
      );
      return lines(entries) + generalFeedback;
    }
  }
}
