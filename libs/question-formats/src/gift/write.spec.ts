import { QuestionDraft } from '../model';
import { parseGift } from './parse';
import { writeGift } from './write';

const base = { textFormat: 'moodle' as const, defaultMark: 1, tags: [], line: 1 };

describe('writeGift', () => {
  it('writes Moodle-style GIFT with categories, tags, titles, weights and feedback', () => {
    const questions: QuestionDraft[] = [
      {
        ...base,
        type: 'single_choice',
        title: 'Helm',
        text: 'Fungsi helm?',
        category: 'K3 Umum/APD',
        tags: ['APD', 'a]b'],
        generalFeedback: 'Wajib.',
        options: [
          { text: 'Melindungi kepala', fraction: 1, feedback: 'Benar' },
          { text: 'Gaya', fraction: 0 },
          { text: 'Tidak ada', fraction: -0.25 },
        ],
      },
      {
        ...base,
        type: 'true_false',
        text: 'Api butuh oksigen.',
        category: 'K3 Umum/APD',
        correctAnswer: false,
        feedbackTrue: 'Salah',
      },
    ];
    expect(writeGift(questions)).toBe(
      [
        '$CATEGORY: K3 Umum/APD',
        '',
        '// [tag:APD] [tag:a\\]b]',
        '::Helm::Fungsi helm?{',
        '\t=Melindungi kepala#Benar',
        '\t~Gaya',
        '\t~%-25%Tidak ada',
        '\t####Wajib.',
        '}',
        '',
        'Api butuh oksigen.{FALSE#Salah}',
        '',
      ].join('\n'),
    );
  });

  it('escapes special characters, newlines and a leading format tag', () => {
    const output = writeGift([
      {
        ...base,
        type: 'essay',
        textFormat: 'html',
        title: 'a::b',
        text: '[html] ~ = # { } : \\ baris\nbaru',
      },
    ]);
    expect(output).toBe('::a\\:\\:b::[html][html] \\~ \\= \\# \\{ \\} \\: \\\\ baris\\nbaru{}\n');
  });

  it('protects texts that would otherwise read as GIFT syntax', () => {
    const output = writeGift([
      { ...base, type: 'description', text: '// bukan komentar' },
      {
        ...base,
        type: 'short_answer',
        text: 'Isian',
        acceptedAnswers: [
          { text: 'a -> b', fraction: 1 },
          { text: '%diskon', fraction: 1 },
        ],
        caseSensitive: false,
      },
    ]);
    expect(output).toContain('[moodle]// bukan komentar\n');
    expect(output).toContain('\t=a -\\> b\n');
    expect(output).toContain('\t=%100%%diskon\n');
    const reparsed = parseGift(output);
    expect(reparsed.errors).toEqual([]);
    expect(reparsed.questions.map((question) => question.type)).toEqual([
      'description',
      'short_answer',
    ]);
  });

  it('writes numerical answers as value:tolerance with weights', () => {
    const output = writeGift([
      {
        ...base,
        type: 'numerical',
        text: 'Suhu?',
        numericalAnswers: [
          { value: 23, tolerance: 3, fraction: 1 },
          { value: -0.5, tolerance: 0, fraction: 0.5, feedback: 'Hampir' },
        ],
      },
    ]);
    expect(output).toBe('Suhu?{#\n\t=%100%23:3\n\t=%50%-0.5:0#Hampir\n}\n');
  });

  it('writes matching pairs and multiple choice without "="', () => {
    const output = writeGift([
      {
        ...base,
        type: 'matching',
        text: 'Cocokkan',
        matchingPairs: [
          { prompt: 'Biru', answer: 'Wajib' },
          { prompt: 'Merah', answer: 'Larangan' },
        ],
      },
      {
        ...base,
        type: 'multiple_choice',
        text: 'Pilih',
        options: [
          { text: 'a', fraction: 1 },
          { text: 'b', fraction: 0 },
        ],
      },
    ]);
    expect(output).toBe(
      'Cocokkan{\n\t=Biru -> Wajib\n\t=Merah -> Larangan\n}\n\nPilih{\n\t~%100%a\n\t~b\n}\n',
    );
  });

  it('returns an empty string for no questions', () => {
    expect(writeGift([])).toBe('');
  });
});
