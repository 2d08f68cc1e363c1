import { toMoodleCategoryPath } from '../category-path';
import { ChoiceOption, QuestionDraft, QuestionType } from '../model';
import { formatNumber, fractionToPercent } from '../numbers';
import { textFormatToMoodle } from './formats';
import { withoutInvalidXmlChars } from './xml-chars';

const MOODLE_TYPE: Record<QuestionType, string> = {
  single_choice: 'multichoice',
  multiple_choice: 'multichoice',
  true_false: 'truefalse',
  short_answer: 'shortanswer',
  numerical: 'numerical',
  matching: 'matching',
  essay: 'essay',
  description: 'description',
};

export function writeMoodleXml(questions: QuestionDraft[]): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<quiz>'];
  let currentCategory: string | undefined;
  for (const question of questions) {
    if (question.category !== currentCategory) {
      // An empty path ("$course$/top/") switches back to "no category".
      parts.push(writeCategory(question.category ?? ''));
    }
    currentCategory = question.category;
    parts.push(writeQuestion(question));
  }
  parts.push('</quiz>', '');
  return parts.join('\n');
}

function writeCategory(category: string): string {
  return [
    '  <question type="category">',
    `    <category>${text(toMoodleCategoryPath(category))}</category>`,
    '  </question>',
  ].join('\n');
}

function writeQuestion(question: QuestionDraft): string {
  const format = textFormatToMoodle(question.textFormat);
  const lines = [
    `  <question type="${MOODLE_TYPE[question.type]}">`,
    `    <name>${text(question.title ?? '')}</name>`,
    `    <questiontext format="${format}">${text(question.text)}</questiontext>`,
    `    <generalfeedback format="${format}">${text(question.generalFeedback ?? '')}</generalfeedback>`,
    `    <defaultgrade>${formatNumber(question.defaultMark)}</defaultgrade>`,
    ...typeSpecificLines(question, format),
  ];
  if (question.tags.length > 0) {
    lines.push('    <tags>');
    lines.push(...question.tags.map((tag) => `      <tag>${text(tag)}</tag>`));
    lines.push('    </tags>');
  }
  lines.push('  </question>');
  return lines.join('\n');
}

function typeSpecificLines(question: QuestionDraft, format: string): string[] {
  switch (question.type) {
    case 'single_choice':
    case 'multiple_choice':
      return [
        `    <single>${question.type === 'single_choice'}</single>`,
        '    <shuffleanswers>true</shuffleanswers>',
        '    <answernumbering>abc</answernumbering>',
        ...(question.options ?? []).map((option) => answer(option, format)),
      ];
    case 'true_false':
      return [
        answer(
          {
            text: 'true',
            fraction: question.correctAnswer ? 1 : 0,
            feedback: question.feedbackTrue,
          },
          'moodle_auto_format',
        ),
        answer(
          {
            text: 'false',
            fraction: question.correctAnswer === false ? 1 : 0,
            feedback: question.feedbackFalse,
          },
          'moodle_auto_format',
        ),
      ];
    case 'short_answer':
      return [
        `    <usecase>${question.caseSensitive ? 1 : 0}</usecase>`,
        ...(question.acceptedAnswers ?? []).map((option) => answer(option, 'moodle_auto_format')),
      ];
    case 'numerical':
      return (question.numericalAnswers ?? []).map((numerical) =>
        answer(
          {
            text: formatNumber(numerical.value),
            fraction: numerical.fraction,
            feedback: numerical.feedback,
          },
          'moodle_auto_format',
          `<tolerance>${formatNumber(numerical.tolerance)}</tolerance>`,
        ),
      );
    case 'matching':
      return [
        '    <shuffleanswers>true</shuffleanswers>',
        ...(question.matchingPairs ?? []).map(
          (pair) =>
            `    <subquestion format="${format}">${text(pair.prompt)}` +
            `<answer>${text(pair.answer)}</answer></subquestion>`,
        ),
      ];
    case 'essay':
      return [
        '    <responseformat>editor</responseformat>',
        '    <responserequired>1</responserequired>',
        '    <responsefieldlines>15</responsefieldlines>',
        '    <attachments>0</attachments>',
      ];
    case 'description':
      return [];
  }
}

function answer(option: ChoiceOption, format: string, extra = ''): string {
  const feedback = option.feedback
    ? `<feedback format="${format}">${text(option.feedback)}</feedback>`
    : '';
  return (
    `    <answer fraction="${fractionToPercent(option.fraction)}" format="${format}">` +
    `${text(option.text)}${feedback}${extra}</answer>`
  );
}

/** A `<text>` element; markup-heavy content goes into CDATA to stay readable in editors. */
function text(value: string): string {
  const clean = withoutInvalidXmlChars(value.replace(/\r\n?/g, '\n'));
  if (/[<&]/.test(clean)) {
    return `<text><![CDATA[${clean.split(']]>').join(']]]]><![CDATA[>')}]]></text>`;
  }
  return `<text>${clean.replace(/>/g, '&gt;')}</text>`;
}
