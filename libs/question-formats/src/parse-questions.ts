import { parseAiken } from './aiken/parse';
import { parseGift } from './gift/parse';
import { ParseResult, QuestionFormat } from './model';
import { parseMoodleXml } from './moodle-xml/parse';

export function parseQuestions(format: QuestionFormat, input: string): ParseResult {
  switch (format) {
    case 'gift':
      return parseGift(input);
    case 'aiken':
      return parseAiken(input);
    case 'moodlexml':
      return parseMoodleXml(input);
    default:
      return {
        questions: [],
        errors: [
          {
            line: 1,
            code: 'UNKNOWN_FORMAT',
            message: `Unknown question format "${String(format).slice(0, 30)}"; use gift, aiken or moodlexml.`,
          },
        ],
      };
  }
}
