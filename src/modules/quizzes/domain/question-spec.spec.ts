import { draftFromVersion, matchingAnswers, versionFromDraft } from './question-spec';

const choice = {
  type: 'single_choice' as const,
  text: 'Apa itu APD?',
  textFormat: 'markdown' as const,
  defaultMark: 1.5,
  options: [
    { text: 'Alat Pelindung Diri', fraction: 1, feedback: 'Benar' },
    { text: 'Lain', fraction: 0 },
  ],
};

describe('versionFromDraft', () => {
  it('gives options random ids that do not follow order or correctness', () => {
    const a = versionFromDraft(choice);
    const b = versionFromDraft(choice);
    const ids = a.spec.options!.map((o) => o.id);
    expect(ids.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(ids).not.toEqual(b.spec.options!.map((o) => o.id));
    expect(a.defaultMarkHundredths).toBe(150);
  });
  it('keeps ids the previous version had and replaces unknown ones', () => {
    const first = versionFromDraft(choice);
    const keptId = first.spec.options![0].id;
    const next = versionFromDraft(
      {
        ...choice,
        options: [
          { ...choice.options[0], id: keptId },
          { ...choice.options[1], id: 'made-up' },
        ],
      },
      first.spec,
    );
    expect(next.spec.options![0].id).toBe(keptId);
    expect(next.spec.options![1].id).not.toBe('made-up');
  });
  it('round-trips through draftFromVersion', () => {
    const version = versionFromDraft(choice);
    expect(draftFromVersion(version, { tags: ['a'], category: 'K3' })).toEqual({
      ...choice,
      tags: ['a'],
      category: 'K3',
      line: 0,
    });
  });
});

describe('matchingAnswers', () => {
  it('lists distinct answers including distractors', () => {
    expect(
      matchingAnswers([
        { prompt: 'Kepala', answer: 'Helm' },
        { prompt: 'Kepala lagi', answer: 'Helm' },
        { prompt: '', answer: 'Sandal' },
      ]),
    ).toEqual(['Helm', 'Sandal']);
  });
});
