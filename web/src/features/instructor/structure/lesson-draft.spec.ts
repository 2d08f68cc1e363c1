import type { LessonView } from '../../../app/api';
import { draftOf, draftProblems, isDirty, updateOf } from './lesson-draft';

const lesson = (over: Partial<LessonView> = {}): LessonView => ({
  id: 'l1',
  moduleId: 'm1',
  position: 1,
  type: 'text',
  titleId: 'Judul',
  titleEn: 'Title',
  required: true,
  minSeconds: null,
  content: { markdown: '# Hi' },
  quizId: null,
  ...over,
});

describe('lesson draft', () => {
  it('round-trips a lesson without being dirty', () => {
    for (const l of [
      lesson(),
      lesson({ minSeconds: 90 }),
      lesson({
        type: 'video',
        content: { videoUrl: 'https://v.example.com/a', durationSeconds: 60 },
      }),
      lesson({ type: 'file', content: {} }),
    ]) {
      expect(isDirty(l, draftOf(l))).toBe(false);
    }
  });

  it('sends minutes as whole seconds, or null to derive them', () => {
    const draft = { ...draftOf(lesson()), customMinTime: true, minMinutes: 2.5 as const };
    expect(updateOf('text', draft)).toMatchObject({
      minSeconds: 150,
      content: { markdown: '# Hi' },
    });
    expect(updateOf('text', { ...draft, customMinTime: false }).minSeconds).toBeNull();
    expect(isDirty(lesson(), draft)).toBe(true);
  });

  it('sends only the content fields of the lesson type', () => {
    const video = lesson({ type: 'video', content: {} });
    const draft = {
      ...draftOf(video),
      videoUrl: ' https://v.example.com/k3.mp4 ',
      durationSeconds: 120,
    };
    expect(updateOf('video', draft).content).toEqual({
      videoUrl: 'https://v.example.com/k3.mp4',
      durationSeconds: 120,
    });
    expect(
      updateOf('file', draftOf(lesson({ type: 'file', content: {} }))).content,
    ).toBeUndefined();
  });

  it('names what the server would refuse', () => {
    const video = lesson({ type: 'video', content: {} });
    const bad = {
      ...draftOf(video),
      titleId: ' ',
      videoUrl: 'http://plain.example.com',
      durationSeconds: 0,
      customMinTime: true,
      minMinutes: 2000,
    };
    expect(draftProblems('video', bad).sort()).toEqual(
      ['durationSeconds', 'minMinutes', 'titleId', 'videoUrl'].sort(),
    );
    expect(draftProblems('video', draftOf(video))).toEqual([]);
  });
});
