import { ParseResult, QuestionDraft } from '../model';
import { MOODLE_XML_SAMPLE } from '../testing/samples';
import { parseMoodleXml } from './parse';

function quiz(...questions: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n${questions.join('\n')}\n</quiz>\n`;
}

function errorCodes(result: ParseResult): [number, string][] {
  return result.errors.map((error) => [error.line, error.code]);
}

function parseOne(xml: string): QuestionDraft {
  const result = parseMoodleXml(xml);
  expect(result.errors).toEqual([]);
  expect(result.questions).toHaveLength(1);
  return result.questions[0];
}

const TRUE_FALSE_ANSWERS =
  '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>';

describe('parseMoodleXml', () => {
  describe('the sample file', () => {
    const result = parseMoodleXml(MOODLE_XML_SAMPLE);
    const byTitle = (title: string) =>
      result.questions.find((question) => question.title === title);

    it('reads every supported type without errors', () => {
      expect(result.errors).toEqual([]);
      expect(result.questions.map((question) => question.type)).toEqual([
        'single_choice',
        'multiple_choice',
        'true_false',
        'short_answer',
        'numerical',
        'matching',
        'essay',
        'description',
      ]);
    });

    it('reads multichoice with CDATA, entities, feedback, grade, tags and category', () => {
      expect(byTitle('Helm keselamatan')).toEqual({
        type: 'single_choice',
        title: 'Helm keselamatan',
        text: '<p>Apa fungsi <b>helm</b> &amp; sepatu?</p>',
        textFormat: 'html',
        generalFeedback: 'Helm wajib <selalu> dipakai.',
        defaultMark: 2,
        category: 'K3 Umum/APD',
        tags: ['APD', 'dasar'],
        line: 7,
        options: [
          { text: 'Melindungi kepala', fraction: 1, feedback: 'Benar' },
          { text: 'Gaya', fraction: 0 },
          { text: 'Tidak ada', fraction: -0.25 },
        ],
      });
    });

    it('reads <single>false</single> as multiple choice with exact decimal fractions', () => {
      expect(byTitle('Pilih banyak')).toMatchObject({
        type: 'multiple_choice',
        textFormat: 'moodle',
        options: [
          { text: 'Helm', fraction: 0.3333333 },
          { text: 'Sarung tangan', fraction: 0.3333333 },
          { text: 'Sepatu', fraction: 0.3333334 },
          { text: 'Ponsel', fraction: -1, feedback: 'Bukan APD' },
        ],
      });
    });

    it('reads truefalse feedback per answer', () => {
      expect(byTitle('Listrik')).toMatchObject({
        type: 'true_false',
        textFormat: 'plain',
        correctAnswer: true,
        feedbackTrue: 'Tepat',
        feedbackFalse: 'Kelas C memang listrik',
      });
    });

    it('reads shortanswer with usecase', () => {
      expect(byTitle('Isian')).toMatchObject({
        type: 'short_answer',
        textFormat: 'markdown',
        caseSensitive: true,
        acceptedAnswers: [
          { text: 'APD', fraction: 1 },
          { text: 'A*D', fraction: 0.5, feedback: 'Hampir' },
        ],
      });
    });

    it('reads numerical answers with tolerance', () => {
      expect(byTitle('Numerik')?.numericalAnswers).toEqual([
        { value: 1.8, tolerance: 0.05, fraction: 1, feedback: 'Tepat' },
        { value: 2, tolerance: 0.5, fraction: 0.5 },
      ]);
    });

    it('reads matching subquestions including a distractor', () => {
      expect(byTitle('Pasangan')?.matchingPairs).toEqual([
        { prompt: 'Biru', answer: 'Wajib' },
        { prompt: 'Merah', answer: 'Larangan' },
        { prompt: '', answer: 'Pengecoh' },
      ]);
    });

    it('reads essay and description, a later category, split CDATA and character references', () => {
      expect(byTitle('Esai')).toMatchObject({
        type: 'essay',
        category: 'K3 Konstruksi',
        defaultMark: 5,
        text: 'Jelaskan <i>hierarki</i> pengendalian.\nBaris kedua, dengan ]]> di dalamnya.',
      });
      expect(byTitle('Bagian 2')).toMatchObject({
        type: 'description',
        defaultMark: 0,
        text: 'Bagian kedua: soal isian — semangat!',
      });
    });
  });

  it('defaults to html, mark 1, single choice and case-insensitive answers', () => {
    const question = parseOne(
      quiz(
        '<question type="multichoice"><questiontext><text>Soal</text></questiontext>' +
          '<answer fraction="100"><text>a</text></answer><answer><text>b</text></answer></question>',
      ),
    );
    expect(question).toMatchObject({ type: 'single_choice', textFormat: 'html', defaultMark: 1 });
    expect(question.options?.[1].fraction).toBe(0);
    expect(
      parseOne(
        quiz(
          '<question type="shortanswer"><questiontext><text>Soal</text></questiontext>' +
            '<answer fraction="100"><text>x</text></answer></question>',
        ),
      ).caseSensitive,
    ).toBe(false);
  });

  describe('errors', () => {
    it('reports broken XML with its line', () => {
      const result = parseMoodleXml(
        '<quiz>\n<question type="essay">\n<name><text>x</name>\n</question></quiz>',
      );
      expect(errorCodes(result)).toEqual([[3, 'XML_MALFORMED']]);
      expect(result.errors[0].message).toMatch(/not well-formed/);
    });

    it('reports unknown and missing question types, and keeps reading the others', () => {
      const result = parseMoodleXml(
        quiz(
          '<question type="cloze"><questiontext><text>x</text></questiontext></question>',
          '<question><questiontext><text>x</text></questiontext></question>',
          `<question type="truefalse"><questiontext><text>Baik</text></questiontext>${TRUE_FALSE_ANSWERS}</question>`,
        ),
      );
      expect(errorCodes(result)).toEqual([
        [3, 'XML_UNSUPPORTED_TYPE'],
        [4, 'XML_UNSUPPORTED_TYPE'],
      ]);
      expect(result.errors[0].message).toContain('"cloze"');
      expect(result.questions.map((question) => question.text)).toEqual(['Baik']);
    });

    it('reports missing answers, bad fractions and numbers at the right lines', () => {
      const result = parseMoodleXml(
        quiz(
          '<question type="multichoice"><questiontext><text>Tanpa jawaban</text></questiontext></question>',
          '<question type="multichoice">',
          '<questiontext><text>Fraksi</text></questiontext>',
          '<answer fraction="abc"><text>a</text></answer>',
          '<answer fraction="150"><text>b</text></answer>',
          '</question>',
          '<question type="numerical"><questiontext><text>Angka</text></questiontext>',
          '<answer fraction="100"><text>lima</text></answer></question>',
          '<question type="shortanswer"><questiontext><text>Isian</text></questiontext></question>',
          '<question type="matching"><questiontext><text>Cocok</text></questiontext>',
          '<subquestion><text>a</text><answer><text>b</text></answer></subquestion></question>',
          '<question type="truefalse"><questiontext><text>TF</text></questiontext>',
          '<answer fraction="100"><text>ya</text></answer></question>',
          '<question type="essay"><questiontext><text>  </text></questiontext></question>',
        ),
      );
      expect(errorCodes(result)).toEqual([
        [3, 'CHOICE_TOO_FEW_OPTIONS'],
        [6, 'XML_INVALID_FRACTION'],
        [7, 'FRACTION_OUT_OF_RANGE'],
        [10, 'XML_INVALID_NUMBER'],
        [11, 'SHORT_ANSWER_NO_ANSWERS'],
        [12, 'MATCHING_TOO_FEW_PAIRS'],
        [14, 'XML_TRUE_FALSE_ANSWERS'],
        [14, 'TRUE_FALSE_MISSING_ANSWER'],
        [16, 'EMPTY_QUESTION_TEXT'],
      ]);
      expect(result.questions).toEqual([]);
    });

    it('reports an unknown text format, a bad boolean, and unescaped markup inside <text>', () => {
      const result = parseMoodleXml(
        quiz(
          '<question type="essay"><questiontext format="word"><text>x</text></questiontext></question>',
          '<question type="multichoice"><questiontext><text>x</text></questiontext><single>maybe</single>' +
            '<answer fraction="100"><text>a</text></answer><answer><text>b</text></answer></question>',
          '<question type="essay"><questiontext><text><p>tanpa CDATA</p></text></questiontext></question>',
        ),
      );
      expect(errorCodes(result)).toEqual([
        [3, 'XML_UNKNOWN_TEXT_FORMAT'],
        [4, 'XML_INVALID_BOOLEAN'],
        [5, 'XML_UNEXPECTED_MARKUP'],
      ]);
    });

    it('reports a numerical catch-all answer with feedback but ignores an empty one', () => {
      const numerical = (catchAll: string) =>
        parseMoodleXml(
          quiz(
            '<question type="numerical"><questiontext><text>n</text></questiontext>' +
              `<answer fraction="100"><text>5</text></answer>${catchAll}</question>`,
          ),
        );
      expect(numerical('<answer fraction="0"><text>*</text></answer>').errors).toEqual([]);
      expect(
        errorCodes(
          numerical(
            '<answer fraction="0"><text>*</text><feedback><text>Salah</text></feedback></answer>',
          ),
        ),
      ).toEqual([[3, 'XML_NUMERICAL_CATCH_ALL_UNSUPPORTED']]);
    });

    it('requires a <quiz> root', () => {
      expect(errorCodes(parseMoodleXml('<questions></questions>'))).toEqual([
        [1, 'XML_NO_QUIZ_ROOT'],
      ]);
    });

    it('refuses oversized input', () => {
      const huge = quiz(`<!-- ${'x'.repeat(5 * 1024 * 1024)} -->`);
      expect(errorCodes(parseMoodleXml(huge))).toEqual([[1, 'INPUT_TOO_LARGE']]);
    });
  });

  describe('security', () => {
    const billionLaughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      '<quiz><question type="essay"><questiontext><text>&lol9;</text></questiontext></question></quiz>',
    ].join('\n');

    it('rejects an entity-expansion bomb quickly without expanding it', () => {
      const started = Date.now();
      const result = parseMoodleXml(billionLaughs);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(errorCodes(result)).toEqual([[2, 'XML_DTD_FORBIDDEN']]);
      expect(result.questions).toEqual([]);
    });

    it('rejects external entities (XXE)', () => {
      const result = parseMoodleXml(
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n' +
          '<quiz><question type="essay"><questiontext><text>&xxe;</text></questiontext></question></quiz>',
      );
      expect(errorCodes(result)).toEqual([[2, 'XML_DTD_FORBIDDEN']]);
      expect(JSON.stringify(result)).not.toContain('root:');
    });

    it('rejects a DOCTYPE in any letter case but allows the word inside CDATA and comments', () => {
      expect(errorCodes(parseMoodleXml('<!doctype quiz>\n<quiz></quiz>'))).toEqual([
        [1, 'XML_DTD_FORBIDDEN'],
      ]);
      const question = parseOne(
        quiz(
          '<!-- <!DOCTYPE in a comment -->',
          '<question type="essay"><questiontext format="html"><text><![CDATA[<!DOCTYPE html> <!ENTITY x>]]></text></questiontext></question>',
        ),
      );
      expect(question.text).toBe('<!DOCTYPE html> <!ENTITY x>');
    });

    it('leaves undeclared entity references as text', () => {
      const question = parseOne(
        quiz(
          '<question type="essay"><questiontext><text>a &amp; &foo; &#65;&#x42;</text></questiontext></question>',
        ),
      );
      expect(question.text).toBe('a & &foo; AB');
    });

    it('fails fast on absurdly deep nesting', () => {
      const started = Date.now();
      const deep = `<quiz>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</quiz>`;
      const result = parseMoodleXml(deep);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(errorCodes(result)).toEqual([[1, 'XML_MALFORMED']]);
    });
  });
});
