import { MAX_IMPORT_BYTES, ParseResult, QuestionDraft } from '../model';
import { parseGift } from './parse';

function parseOne(input: string): QuestionDraft {
  const result = parseGift(input);
  expect(result.errors).toEqual([]);
  expect(result.questions).toHaveLength(1);
  return result.questions[0];
}

function errorCodes(result: ParseResult): [number, string][] {
  return result.errors.map((error) => [error.line, error.code]);
}

describe('parseGift', () => {
  describe('question types', () => {
    it('reads a single-choice question with one "=" answer and "~" wrong answers', () => {
      const question = parseOne("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
      expect(question).toEqual({
        type: 'single_choice',
        text: "Who's buried in Grant's tomb?",
        textFormat: 'moodle',
        defaultMark: 1,
        tags: [],
        line: 1,
        options: [
          { text: 'Grant', fraction: 0 },
          { text: 'Jefferson', fraction: 0 },
          { text: 'no one', fraction: 1 },
        ],
      });
    });

    it('reads a multiple-choice question when several "~%n%" weights are positive', () => {
      const question = parseOne(
        'Manakah APD?{~%50%Helm ~%50%Sepatu keselamatan ~%-100%Ponsel ~Kaos}',
      );
      expect(question.type).toBe('multiple_choice');
      expect(question.options).toEqual([
        { text: 'Helm', fraction: 0.5 },
        { text: 'Sepatu keselamatan', fraction: 0.5 },
        { text: 'Ponsel', fraction: -1 },
        { text: 'Kaos', fraction: 0 },
      ]);
    });

    it('keeps decimal weights exact and reads negative weights', () => {
      const question = parseOne('Pilih?{~%33.33333%a ~%33.33333%b ~%33.33334%c ~%-25%d}');
      expect(question.options?.map((option) => option.fraction)).toEqual([
        0.3333333, 0.3333333, 0.3333334, -0.25,
      ]);
    });

    it('reads true/false in all four spellings', () => {
      expect(parseOne('Api butuh oksigen.{T}').correctAnswer).toBe(true);
      expect(parseOne('Api butuh oksigen.{TRUE}').correctAnswer).toBe(true);
      expect(parseOne('Air memadamkan listrik.{F}').correctAnswer).toBe(false);
      expect(parseOne('Air memadamkan listrik.{FALSE}').type).toBe('true_false');
    });

    it('maps true/false feedback "{T#wrong#right}" to the learner\'s answer', () => {
      const correctTrue = parseOne('Api butuh oksigen.{T#Salah, api butuh oksigen.#Benar!}');
      expect(correctTrue).toMatchObject({
        type: 'true_false',
        correctAnswer: true,
        feedbackTrue: 'Benar!',
        feedbackFalse: 'Salah, api butuh oksigen.',
      });
      const correctFalse = parseOne('Air untuk listrik.{FALSE#Berbahaya!#Betul}');
      expect(correctFalse).toMatchObject({
        correctAnswer: false,
        feedbackTrue: 'Berbahaya!',
        feedbackFalse: 'Betul',
      });
    });

    it('reads a short-answer question with weights, feedback and wildcards', () => {
      const question = parseOne('Singkatan Alat Pelindung Diri?{=APD#Betul =%50%A*D#Hampir}');
      expect(question).toMatchObject({
        type: 'short_answer',
        caseSensitive: false,
        acceptedAnswers: [
          { text: 'APD', fraction: 1, feedback: 'Betul' },
          { text: 'A*D', fraction: 0.5, feedback: 'Hampir' },
        ],
      });
    });

    it('reads numerical value:tolerance, min..max ranges and several weighted answers', () => {
      expect(parseOne('Tinggi?{#1.8:0.05}').numericalAnswers).toEqual([
        { value: 1.8, tolerance: 0.05, fraction: 1 },
      ]);
      expect(parseOne('Suhu?{#20..26}').numericalAnswers).toEqual([
        { value: 23, tolerance: 3, fraction: 1 },
      ]);
      expect(parseOne('Negatif?{#-10..-4}').numericalAnswers).toEqual([
        { value: -7, tolerance: 3, fraction: 1 },
      ]);
      expect(parseOne('Sila?{# =%100%5:0#Tepat =%50%5:1#Hampir}').numericalAnswers).toEqual([
        { value: 5, tolerance: 0, fraction: 1, feedback: 'Tepat' },
        { value: 5, tolerance: 1, fraction: 0.5, feedback: 'Hampir' },
      ]);
      expect(parseOne('Exact?{#42}').numericalAnswers).toEqual([
        { value: 42, tolerance: 0, fraction: 1 },
      ]);
    });

    it('reads matching pairs, including a distractor with an empty prompt', () => {
      const question = parseOne(
        'Cocokkan rambu.{=Biru -> Wajib =Merah -> Larangan =Kuning->Peringatan = -> Pengecoh}',
      );
      expect(question.type).toBe('matching');
      expect(question.matchingPairs).toEqual([
        { prompt: 'Biru', answer: 'Wajib' },
        { prompt: 'Merah', answer: 'Larangan' },
        { prompt: 'Kuning', answer: 'Peringatan' },
        { prompt: '', answer: 'Pengecoh' },
      ]);
    });

    it('reads an essay from empty braces', () => {
      expect(parseOne('Jelaskan hierarki pengendalian risiko.{}')).toMatchObject({
        type: 'essay',
        text: 'Jelaskan hierarki pengendalian risiko.',
      });
    });

    it('reads a description from a question without braces, worth 0 marks', () => {
      expect(parseOne('Bagian 2: soal isian.')).toMatchObject({
        type: 'description',
        text: 'Bagian 2: soal isian.',
        defaultMark: 0,
      });
    });

    it('inserts a blank marker for missing-word questions', () => {
      const question = parseOne('APAR kelas {=A ~B ~C} dipakai untuk kebakaran kayu.');
      expect(question.text).toBe('APAR kelas _____ dipakai untuk kebakaran kayu.');
      expect(question.type).toBe('single_choice');
    });
  });

  describe('question parts', () => {
    it('reads titles, per-answer feedback and general feedback', () => {
      const question = parseOne(
        '::Helm::Fungsi helm?{=Melindungi kepala#Benar ~Gaya#Salah ####Helm wajib dipakai.}',
      );
      expect(question).toMatchObject({
        title: 'Helm',
        text: 'Fungsi helm?',
        generalFeedback: 'Helm wajib dipakai.',
        options: [
          { text: 'Melindungi kepala', fraction: 1, feedback: 'Benar' },
          { text: 'Gaya', fraction: 0, feedback: 'Salah' },
        ],
      });
    });

    it.each([
      ['html', 'html'],
      ['markdown', 'markdown'],
      ['plain', 'plain'],
      ['moodle', 'moodle'],
    ])('reads the [%s] format tag', (tag, format) => {
      const question = parseOne(`::T::[${tag}]**Teks** <b>soal</b>{T}`);
      expect(question.textFormat).toBe(format);
      expect(question.text).toBe('**Teks** <b>soal</b>');
    });

    it('defaults to the moodle format and strips format tags from answers and feedback', () => {
      const question = parseOne('Teks{=[html]<b>ya</b>#[html]<i>ok</i> ~tidak}');
      expect(question.textFormat).toBe('moodle');
      expect(question.options?.[0]).toEqual({
        text: '<b>ya</b>',
        fraction: 1,
        feedback: '<i>ok</i>',
      });
    });

    it('decodes every escape sequence', () => {
      const question = parseOne(
        String.raw`::A\:B::Simbol \~ \= \# \{ \} \: \\ dan\nbaris{=x \= y \# z \{w\}#fb \~ ok ~salah}`,
      );
      expect(question.title).toBe('A:B');
      expect(question.text).toBe('Simbol ~ = # { } : \\ dan\nbaris');
      expect(question.options?.[0]).toEqual({
        text: 'x = y # z {w}',
        fraction: 1,
        feedback: 'fb ~ ok',
      });
    });

    it('keeps a backslash that does not start an escape', () => {
      expect(parseOne(String.raw`Path C\:\\temp\x{}`).text).toBe('Path C:\\temp\\x');
    });

    it('ignores // comment lines, also inside the answer block, and reads [tag:] tokens', () => {
      const result = parseGift(
        [
          '// Komentar biasa',
          '// [tag:APD] [tag:K3 dasar] [tag:a\\]b]',
          '::Helm::Fungsi helm?{',
          '  // komentar di dalam jawaban',
          '  =Melindungi kepala',
          '  ~Gaya',
          '}',
        ].join('\n'),
      );
      expect(result.errors).toEqual([]);
      expect(result.questions[0]).toMatchObject({
        tags: ['APD', 'K3 dasar', 'a]b'],
        line: 3,
        options: [
          { text: 'Melindungi kepala', fraction: 1 },
          { text: 'Gaya', fraction: 0 },
        ],
      });
    });

    it('applies $CATEGORY to the following questions and strips the Moodle context prefix', () => {
      const result = parseGift(
        [
          'Tanpa kategori{T}',
          '',
          '$CATEGORY: $course$/top/K3 Umum/APD',
          '',
          'Satu{T}',
          '',
          'Dua{F}',
          '',
          '$CATEGORY: K3 Listrik',
          'Tiga{T}',
        ].join('\n'),
      );
      expect(result.errors).toEqual([]);
      expect(result.questions.map((question) => [question.text, question.category])).toEqual([
        ['Tanpa kategori', undefined],
        ['Satu', 'K3 Umum/APD'],
        ['Dua', 'K3 Umum/APD'],
        ['Tiga', 'K3 Listrik'],
      ]);
      expect(result.questions[3].line).toBe(10);
    });

    it('reads multi-line questions and answers, with CRLF line endings', () => {
      const result = parseGift(
        '\r\n::Multi::Baris pertama\r\nbaris kedua\r\n  menjorok{\r\n  =ya\r\n  ~tidak\r\n}\r\n',
      );
      expect(result.errors).toEqual([]);
      expect(result.questions[0]).toMatchObject({
        text: 'Baris pertama\nbaris kedua\n  menjorok',
        line: 2,
      });
    });

    it('separates questions by blank lines and records their start lines', () => {
      const result = parseGift('Satu{T}\n\n\n// komentar\nDua{F}\n   \nTiga{}\n');
      expect(result.questions.map((question) => question.line)).toEqual([1, 5, 7]);
    });
  });

  describe('errors', () => {
    it('reports an unclosed "{" at the line where the question starts', () => {
      const result = parseGift('Baik{T}\n\n::Rusak::Soal\nlanjut {\n  =a\n  ~b\n\nBaik lagi{F}');
      expect(errorCodes(result)).toEqual([[3, 'GIFT_UNCLOSED_BRACE']]);
      expect(result.errors[0].message).toContain('line 4');
      expect(result.questions.map((question) => question.text)).toEqual(['Baik', 'Baik lagi']);
    });

    it('reports a bad weight at the line of its answer', () => {
      const result = parseGift('::Q::Soal{\n  =benar\n  ~%abc%salah\n}');
      expect(errorCodes(result)).toEqual([[3, 'GIFT_INVALID_WEIGHT']]);
      expect(result.errors[0].message).toContain('%abc%');
      expect(result.questions).toEqual([]);
    });

    it('reports an unterminated weight', () => {
      expect(errorCodes(parseGift('Soal{=a ~%50 salah}'))).toEqual([[1, 'GIFT_INVALID_WEIGHT']]);
    });

    it('reports weights outside -100%..100%', () => {
      expect(errorCodes(parseGift('Soal{~%150%a ~b}'))).toEqual([[1, 'FRACTION_OUT_OF_RANGE']]);
      expect(errorCodes(parseGift('Soal{=%-50%a =b}'))).toEqual([[1, 'FRACTION_OUT_OF_RANGE']]);
    });

    it('reports brace structure problems', () => {
      expect(errorCodes(parseGift('Soal } {T}'))).toEqual([[1, 'GIFT_UNEXPECTED_CLOSING_BRACE']]);
      expect(errorCodes(parseGift('Soal {=a {~b}'))).toEqual([[1, 'GIFT_NESTED_BRACE']]);
      expect(errorCodes(parseGift('Soal {T}\nlagi {F}'))).toEqual([
        [2, 'GIFT_MULTIPLE_ANSWER_BLOCKS'],
      ]);
      expect(errorCodes(parseGift('::Judul tanpa akhir{T}'))).toEqual([[1, 'GIFT_UNCLOSED_TITLE']]);
    });

    it('validates semantics', () => {
      expect(errorCodes(parseGift('Soal{~a ~b}'))).toEqual([[1, 'NO_CORRECT_ANSWER']]);
      expect(errorCodes(parseGift('Soal{~%50%a ~b}'))).toEqual([[1, 'CHOICE_FRACTIONS_SUM']]);
      expect(errorCodes(parseGift('Soal{=a ~}'))).toEqual([[1, 'EMPTY_ANSWER']]);
      expect(errorCodes(parseGift('Soal{=a -> b}'))).toEqual([[1, 'MATCHING_TOO_FEW_PAIRS']]);
      expect(errorCodes(parseGift('Soal{=a -> b =c}'))).toEqual([[1, 'GIFT_MATCHING_FORMAT']]);
      expect(errorCodes(parseGift('Soal{#abc}'))).toEqual([[1, 'GIFT_INVALID_NUMBER']]);
      expect(errorCodes(parseGift('Soal{#5:x}'))).toEqual([[1, 'GIFT_INVALID_NUMBER']]);
      expect(errorCodes(parseGift('Soal{#}'))).toEqual([[1, 'NUMERICAL_NO_ANSWERS']]);
      expect(errorCodes(parseGift('Soal{#9..3}'))).toEqual([[1, 'NUMERICAL_NEGATIVE_TOLERANCE']]);
      expect(errorCodes(parseGift('Soal{=%50%a}'))).toEqual([[1, 'NO_CORRECT_ANSWER']]);
      expect(errorCodes(parseGift('::Judul::{T}'))).toEqual([[1, 'EMPTY_QUESTION_TEXT']]);
      expect(errorCodes(parseGift('Soal{benar =a ~b}'))).toEqual([
        [1, 'GIFT_ANSWER_WITHOUT_PREFIX'],
      ]);
      expect(errorCodes(parseGift('Soal{#5 ~#Salah}'))).toEqual([
        [1, 'GIFT_NUMERICAL_CATCH_ALL_UNSUPPORTED'],
      ]);
    });

    it('collects every error of the file with its line and keeps valid questions apart', () => {
      const input = [
        'Satu{~%abc%a =b}', // 1
        '',
        'Dua {', // 3
        '=a',
        '',
        'Tiga{~a ~b}', // 6
        '',
        'Empat{T}', // 8
        '',
        'Lima{', // 10
        '  =x -> y', // 11
        '  =tanpa panah', // 12
        '}',
      ].join('\n');
      const result = parseGift(input);
      expect(errorCodes(result)).toEqual([
        [1, 'GIFT_INVALID_WEIGHT'],
        [3, 'GIFT_UNCLOSED_BRACE'],
        [6, 'NO_CORRECT_ANSWER'],
        [12, 'GIFT_MATCHING_FORMAT'],
      ]);
      expect(result.questions.map((question) => question.text)).toEqual(['Empat']);
      for (const error of result.errors) {
        expect(error.message.length).toBeGreaterThan(10);
      }
    });

    it('refuses input above MAX_IMPORT_BYTES with a single error', () => {
      const result = parseGift('x'.repeat(MAX_IMPORT_BYTES + 1));
      expect(result).toEqual({
        questions: [],
        errors: [{ line: 1, code: 'INPUT_TOO_LARGE', message: expect.stringContaining('5 MiB') }],
      });
    });

    it('counts bytes, not characters, against the size limit', () => {
      const multiByte = '安'.repeat(Math.floor(MAX_IMPORT_BYTES / 3) + 1); // 3 bytes each
      expect(parseGift(multiByte).errors[0].code).toBe('INPUT_TOO_LARGE');
    });

    it('never throws on non-string input', () => {
      expect(parseGift(undefined as unknown as string).errors[0].code).toBe('INVALID_INPUT');
    });
  });
});
