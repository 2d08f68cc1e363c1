import {
  CourseDiffFields,
  DiffLesson,
  DiffModule,
  DiffQuiz,
  DiffVersion,
  publishDiff,
} from './publish-diff';

const FIELDS: CourseDiffFields = {
  titleId: 'K3 Umum',
  titleEn: 'General OSH',
  descriptionId: '',
  descriptionEn: '',
  competencyCode: 'AK3U',
  jpHours: 2,
  certificateValidityMonths: 36,
  language: 'id',
  tags: ['k3'],
  enrollmentMode: 'open',
  sequential: false,
};

const quiz = (key: string, settings: Partial<DiffQuiz['settings']> = {}): DiffQuiz => ({
  key,
  settings: {
    title: 'Kuis',
    timeLimitSeconds: 600,
    attemptsAllowed: 2,
    passingPercent: 70,
    gradingMethod: 'highest',
    openAt: null,
    closeAt: null,
    questions: { mode: 'fixed', questionIds: ['q1', 'q2'] },
    shuffleQuestions: false,
    shuffleAnswers: true,
    review: { afterSubmit: { score: true }, afterClose: { score: true } },
    ...settings,
  },
});

const mod = (key: string, position: number, title = key): DiffModule => ({
  id: `${key}-row`,
  key,
  position,
  titleId: title,
  titleEn: title,
});

const lesson = (
  key: string,
  moduleKey: string,
  position: number,
  extra: Partial<DiffLesson> = {},
) =>
  ({
    id: `${key}-row`,
    key,
    moduleKey,
    position,
    type: 'text',
    titleId: `Pelajaran ${key}`,
    titleEn: `Lesson ${key}`,
    required: true,
    minSeconds: 60,
    content: { markdown: `# ${key}` },
    quiz: null,
    ...extra,
  }) satisfies DiffLesson;

const v1: DiffVersion = {
  fields: FIELDS,
  modules: [mod('m1', 0), mod('m2', 1)],
  lessons: [
    lesson('a', 'm1', 0),
    lesson('b', 'm1', 1),
    lesson('c', 'm2', 0),
    lesson('q', 'm2', 1, { type: 'quiz', content: {}, minSeconds: 0, quiz: quiz('quiz-1') }),
  ],
};

/** The same version with new row ids, as a new draft copies it. */
const copyOf = (v: DiffVersion): DiffVersion => ({
  fields: { ...v.fields },
  modules: v.modules.map((m) => ({ ...m, id: `${m.id}-draft` })),
  lessons: v.lessons.map((l) => ({ ...l, id: `${l.id}-draft`, content: { ...l.content } })),
});

describe('publishDiff', () => {
  it('finds nothing in an unchanged copy, although every row id differs', () => {
    const diff = publishDiff(v1, copyOf(v1));
    expect(diff.hasChanges).toBe(false);
    expect(diff.fields).toEqual([]);
    expect(diff.lessons).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.modules).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.quizzes).toEqual([]);
  });

  it('lists every module and lesson as added on the first publish', () => {
    const diff = publishDiff(null, v1);
    expect(diff.hasChanges).toBe(true);
    expect(diff.modules.added.map((m) => m.key)).toEqual(['m1', 'm2']);
    expect(diff.lessons.added.map((l) => l.key)).toEqual(['a', 'b', 'c', 'q']);
    expect(diff.quizzes).toEqual([expect.objectContaining({ key: 'q', change: 'added' })]);
    expect(diff.fields).toEqual([]);
  });

  it('matches lessons by key: added, removed and changed, with what changed', () => {
    const draft = copyOf(v1);
    draft.lessons = [
      { ...draft.lessons[0], titleEn: 'Lesson A, revised', content: { markdown: '# A v2' } },
      // b removed; c kept; a new lesson n in module 1
      lesson('n', 'm1', 1, { id: 'n-draft' }),
      draft.lessons[2],
      { ...draft.lessons[3], required: false },
    ];
    const diff = publishDiff(v1, draft);
    expect(diff.lessons.added).toEqual([
      { key: 'n', id: 'n-draft', type: 'text', titleId: 'Pelajaran n', titleEn: 'Lesson n' },
    ]);
    expect(diff.lessons.removed).toEqual([
      { key: 'b', id: 'b-row', type: 'text', titleId: 'Pelajaran b', titleEn: 'Lesson b' },
    ]);
    expect(diff.lessons.changed).toEqual([
      expect.objectContaining({ key: 'a', id: 'a-row-draft', changes: ['title', 'content'] }),
      expect.objectContaining({ key: 'q', changes: ['required'] }),
    ]);
    expect(diff.hasChanges).toBe(true);
  });

  it('an inserted or removed neighbour is not a move; a swap and a change of module are', () => {
    const draft = copyOf(v1);
    draft.lessons = [
      { ...draft.lessons[1], position: 0 }, // b before a
      { ...draft.lessons[0], position: 1 },
      { ...draft.lessons[2], moduleKey: 'm1', position: 2 }, // c into module 1
      { ...draft.lessons[3], position: 0 },
    ];
    const diff = publishDiff(v1, draft);
    expect(diff.lessons.changed.map((l) => [l.key, l.changes])).toEqual([
      ['b', ['moved']],
      ['a', ['moved']],
      ['c', ['moved']],
    ]);

    const inserted = copyOf(v1);
    inserted.lessons = [lesson('new', 'm1', 0), ...inserted.lessons.map((l) => ({ ...l }))];
    inserted.lessons[1].position = 1;
    inserted.lessons[2].position = 2;
    const shifted = publishDiff(v1, inserted);
    expect(shifted.lessons.changed).toEqual([]);
    expect(shifted.lessons.added.map((l) => l.key)).toEqual(['new']);
  });

  it('reports quiz links attached, detached, replaced, and the quizzes of removed lessons', () => {
    const base: DiffVersion = {
      ...v1,
      lessons: [
        ...v1.lessons,
        lesson('q2', 'm2', 2, { type: 'quiz', quiz: quiz('quiz-2'), content: {}, minSeconds: 0 }),
        lesson('q3', 'm2', 3, { type: 'quiz', quiz: null, content: {}, minSeconds: 0 }),
      ],
    };
    const draft = copyOf(base);
    draft.lessons = draft.lessons
      .filter((l) => l.key !== 'q2')
      .map((l) =>
        l.key === 'q'
          ? { ...l, quiz: quiz('quiz-9') }
          : l.key === 'q3'
            ? { ...l, quiz: quiz('quiz-3') }
            : l,
      );
    const diff = publishDiff(base, draft);
    expect(diff.quizzes.map((q) => [q.key, q.change])).toEqual([
      ['q', 'replaced'],
      ['q3', 'added'],
      ['q2', 'removed'],
    ]);
    // A new quiz on the same lesson is a quiz change, not a lesson change.
    expect(diff.lessons.changed).toEqual([]);
  });

  it("names the settings in which the draft's copy of a quiz differs (compared by value)", () => {
    const draft = copyOf(v1);
    draft.lessons = draft.lessons.map((l) =>
      l.key === 'q'
        ? {
            ...l,
            quiz: quiz('quiz-1', {
              passingPercent: 80,
              questions: { mode: 'fixed', questionIds: ['q2', 'q1'] },
              review: { afterSubmit: { score: true }, afterClose: { score: true } },
            }),
          }
        : l,
    );
    const diff = publishDiff(v1, draft);
    expect(diff.quizzes).toEqual([
      expect.objectContaining({
        key: 'q',
        change: 'changed',
        fields: ['passingPercent', 'questions'],
      }),
    ]);
    expect(diff.hasChanges).toBe(true);
    expect(publishDiff(v1, copyOf(v1)).quizzes).toEqual([]);
  });

  it('names changed course fields (tags compared by value) and module changes', () => {
    const draft = copyOf(v1);
    draft.fields = { ...draft.fields, jpHours: 4, tags: ['k3'], enrollmentMode: 'assigned' };
    draft.modules = [mod('m2', 0), mod('m1', 1, 'Modul Satu'), mod('m3', 2)];
    const diff = publishDiff(v1, draft);
    expect(diff.fields).toEqual(['jpHours', 'enrollmentMode']);
    expect(diff.modules.added.map((m) => m.key)).toEqual(['m3']);
    expect(diff.modules.changed.map((m) => [m.key, m.changes])).toEqual([
      ['m2', ['moved']],
      ['m1', ['title', 'moved']],
    ]);
  });

  it('sees a changed minimum time and a replaced file', () => {
    const withFile: DiffVersion = {
      ...v1,
      lessons: [lesson('f', 'm1', 0, { type: 'file', content: { fileSha256: 'aaa' } })],
    };
    const draft = copyOf(withFile);
    draft.lessons = [{ ...draft.lessons[0], minSeconds: 120, content: { fileSha256: 'bbb' } }];
    expect(publishDiff(withFile, draft).lessons.changed[0].changes).toEqual([
      'minSeconds',
      'content',
    ]);
  });
});
