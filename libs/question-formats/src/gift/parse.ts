import { normaliseCategoryPath } from '../category-path';
import {
  ErrorCollector,
  internalError,
  normaliseLineEndings,
  rejectUnusableInput,
} from '../errors';
import { ParseResult, QuestionDraft } from '../model';
import { validateQuestion } from '../validate';
import { readTagsFromComments, SourceLine, splitIntoBlocks } from './blocks';
import { MarkedText } from './marked-text';
import { parseGiftQuestion } from './question';

const CATEGORY_PREFIX = '$CATEGORY:';

export function parseGift(input: string): ParseResult {
  const rejected = rejectUnusableInput(input);
  if (rejected) {
    return rejected;
  }
  try {
    return parseBlocks(normaliseLineEndings(input));
  } catch (error) {
    return internalError(error);
  }
}

function parseBlocks(input: string): ParseResult {
  const errors = new ErrorCollector();
  const questions: QuestionDraft[] = [];
  let category: string | undefined;

  for (const block of splitIntoBlocks(input)) {
    let content: SourceLine[] = block.content;
    if (content.length > 0 && content[0].text.trim().startsWith(CATEGORY_PREFIX)) {
      const raw = content[0].text.trim().slice(CATEGORY_PREFIX.length);
      category = normaliseCategoryPath(MarkedText.decode([{ text: raw, line: 1 }]).text);
      content = content.slice(1);
    }
    if (content.length === 0) {
      continue;
    }
    const line = content[0].line;
    const errorsBefore = errors.count;
    const parsed = parseGiftQuestion(
      MarkedText.decode(content),
      line,
      { category, tags: readTagsFromComments(block.comments) },
      errors,
    );
    if (parsed === null) {
      continue;
    }
    validateQuestion(parsed.question, errors, parsed.itemLines);
    if (errors.count === errorsBefore) {
      questions.push(parsed.question);
    }
  }
  return { questions, errors: errors.sorted() };
}
