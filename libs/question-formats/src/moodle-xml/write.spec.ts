import { XMLValidator } from 'fast-xml-parser';
import { QuestionDraft } from '../model';
import { parseMoodleXml } from './parse';
import { writeMoodleXml } from './write';

const base = { textFormat: 'html' as const, defaultMark: 1, tags: [], line: 1 };

describe('writeMoodleXml', () => {
  const questions: QuestionDraft[] = [
    {
      ...base,
      type: 'multiple_choice',
      title: 'Pilih & <tebak>',
      text: '<p>Soal ]]> dengan CDATA</p>',
      category: 'K3/APD',
      tags: ['APD'],
      defaultMark: 2.5,
      options: [
        { text: 'a', fraction: 0.3333333 },
        { text: 'b', fraction: 0.6666667, feedback: 'ok > 1' },
        { text: 'c', fraction: -1 },
      ],
    },
    {
      ...base,
      type: 'short_answer',
      textFormat: 'plain',
      text: 'Isian\u0001 dengan karakter kontrol',
      acceptedAnswers: [{ text: 'APD', fraction: 1 }],
      caseSensitive: true,
    },
  ];
  const xml = writeMoodleXml(questions);

  it('produces well-formed XML with a category question first', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')).toBe(true);
    expect(xml).toContain(
      '<question type="category">\n    <category><text>$course$/top/K3/APD</text></category>',
    );
  });

  it('writes Moodle element names, percent fractions and formats', () => {
    expect(xml).toContain('<name><text><![CDATA[Pilih & <tebak>]]></text></name>');
    expect(xml).toContain('<text><![CDATA[<p>Soal ]]]]><![CDATA[> dengan CDATA</p>]]></text>');
    expect(xml).toContain('<single>false</single>');
    expect(xml).toContain('<defaultgrade>2.5</defaultgrade>');
    expect(xml).toContain('<answer fraction="33.33333" format="html"><text>a</text></answer>');
    expect(xml).toContain('<feedback format="html"><text>ok &gt; 1</text></feedback>');
    expect(xml).toContain('<answer fraction="-100"');
    expect(xml).toContain('<questiontext format="plain_text">');
    expect(xml).toContain('<usecase>1</usecase>');
    expect(xml).toContain('<tags>\n      <tag><text>APD</text></tag>\n    </tags>');
  });

  it('drops characters XML cannot represent and reads back everything else', () => {
    const reparsed = parseMoodleXml(xml);
    expect(reparsed.errors).toEqual([]);
    expect(reparsed.questions[1].text).toBe('Isian dengan karakter kontrol');
    expect(reparsed.questions[0]).toEqual({ ...questions[0], line: expect.any(Number) });
  });
});
