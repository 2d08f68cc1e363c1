import { ParseResult } from '../model';
import { AIKEN_SAMPLE } from '../testing/samples';
import { parseAiken } from './parse';

function errorCodes(result: ParseResult): [number, string][] {
  return result.errors.map((error) => [error.line, error.code]);
}

describe('parseAiken', () => {
  it('reads single-choice questions with "A." and "A)" options', () => {
    const result = parseAiken(AIKEN_SAMPLE);
    expect(result.errors).toEqual([]);
    expect(result.questions).toEqual([
      {
        type: 'single_choice',
        text: 'Apa kepanjangan APAR?',
        textFormat: 'plain',
        defaultMark: 1,
        tags: [],
        line: 1,
        options: [
          { text: 'Alat Pemadam Api Ringan', fraction: 1 },
          { text: 'Alat Pengaman Api Ringan', fraction: 0 },
          { text: 'Alat Pemadam Asap Ringan', fraction: 0 },
        ],
      },
      expect.objectContaining({
        text: 'Warna helm untuk pengawas lapangan biasanya?',
        line: 7,
        options: [
          { text: 'Putih', fraction: 1 },
          { text: 'Kuning', fraction: 0 },
        ],
      }),
    ]);
  });

  it('accepts questions without blank lines between them, CRLF and lower-case letters', () => {
    const result = parseAiken(
      'Soal satu\r\na. ya\r\nb. tidak\r\nANSWER: b\r\nSoal dua\r\nA) x\r\nB) y\r\nanswer:A',
    );
    expect(result.errors).toEqual([]);
    expect(result.questions.map((question) => question.options?.map((o) => o.fraction))).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(result.questions.map((question) => question.line)).toEqual([1, 5]);
  });

  it('joins a multi-line question text and treats the first line as text even if it looks like an option', () => {
    const result = parseAiken(
      'A. Pernyataan pertama\nlanjutan kalimat\nA. Benar\nB. Salah\nANSWER: A',
    );
    expect(result.errors).toEqual([]);
    expect(result.questions[0].text).toBe('A. Pernyataan pertama\nlanjutan kalimat');
  });

  it('reports an ANSWER letter that is not among the options', () => {
    const result = parseAiken('Soal\nA. x\nB. y\nANSWER: D');
    expect(errorCodes(result)).toEqual([[4, 'AIKEN_ANSWER_NOT_AN_OPTION']]);
    expect(result.errors[0].message).toContain('A, B');
    expect(result.questions).toEqual([]);
  });

  it('reports a missing ANSWER line at the question, and keeps parsing the next question', () => {
    const result = parseAiken(
      'Soal satu\nA. x\nB. y\n\nSoal dua\nA. p\nB. q\nANSWER: B\n\nSoal tiga\nA. m\n',
    );
    expect(errorCodes(result)).toEqual([
      [1, 'AIKEN_MISSING_ANSWER'],
      [10, 'AIKEN_MISSING_ANSWER'],
    ]);
    expect(result.questions.map((question) => question.text)).toEqual(['Soal dua']);
  });

  it('reports malformed answers, duplicate letters, too few options and stray ANSWER lines', () => {
    expect(errorCodes(parseAiken('Soal\nA. x\nB. y\nANSWER: AB'))).toEqual([
      [4, 'AIKEN_INVALID_ANSWER'],
    ]);
    expect(errorCodes(parseAiken('Soal\nA. x\nA. y\nANSWER: A'))).toEqual([
      [3, 'AIKEN_DUPLICATE_OPTION'],
    ]);
    expect(errorCodes(parseAiken('Soal\nA. x\nANSWER: A'))).toEqual([
      [1, 'CHOICE_TOO_FEW_OPTIONS'],
    ]);
    expect(errorCodes(parseAiken('Soal\nA.\nB. y\nANSWER: B'))).toEqual([[2, 'EMPTY_ANSWER']]);
    expect(errorCodes(parseAiken('ANSWER: A\nSoal\nA. x\nB. y\nANSWER: A'))).toEqual([
      [1, 'AIKEN_UNEXPECTED_ANSWER'],
    ]);
  });

  it('refuses oversized input', () => {
    expect(errorCodes(parseAiken('a'.repeat(5 * 1024 * 1024 + 1)))).toEqual([
      [1, 'INPUT_TOO_LARGE'],
    ]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseAiken('\n\n  \n')).toEqual({ questions: [], errors: [] });
  });
});
