import {
  MAX_IMPORT_BYTES,
  parseAiken,
  parseGift,
  parseMoodleXml,
  parseQuestions,
  QuestionFormat,
} from './index';
import { AIKEN_SAMPLE, GIFT_SAMPLE, MOODLE_XML_SAMPLE } from './testing/samples';

describe('parseQuestions', () => {
  it.each<[QuestionFormat, string, (input: string) => unknown]>([
    ['gift', GIFT_SAMPLE, parseGift],
    ['aiken', AIKEN_SAMPLE, parseAiken],
    ['moodlexml', MOODLE_XML_SAMPLE, parseMoodleXml],
  ])('dispatches %s to its parser', (format, sample, parser) => {
    const result = parseQuestions(format, sample);
    expect(result.errors).toEqual([]);
    expect(result.questions.length).toBeGreaterThan(1);
    expect(result).toEqual(parser(sample));
  });

  it('reports an unknown format instead of throwing', () => {
    expect(parseQuestions('csv' as QuestionFormat, 'x').errors[0].code).toBe('UNKNOWN_FORMAT');
  });

  it('exposes a 5 MiB import limit', () => {
    expect(MAX_IMPORT_BYTES).toBe(5 * 1024 * 1024);
  });
});
