import { isPermutation, publishProblems, resolveMinSeconds } from './lesson-rules';

describe('resolveMinSeconds', () => {
  it('keeps an explicit value, even 0', () => {
    expect(resolveMinSeconds({ type: 'text', minSeconds: 0 }, 10, 2)).toBe(0);
    expect(resolveMinSeconds({ type: 'video', minSeconds: 30, durationSeconds: 600 }, 1, 1)).toBe(
      30,
    );
  });
  it('uses the video duration, nothing for quizzes, and spreads JP over reading lessons', () => {
    expect(resolveMinSeconds({ type: 'video', minSeconds: null, durationSeconds: 125 }, 8, 3)).toBe(
      125,
    );
    expect(resolveMinSeconds({ type: 'quiz', minSeconds: null }, 8, 3)).toBe(0);
    expect(resolveMinSeconds({ type: 'text', minSeconds: null }, 2, 3)).toBe(1800);
    expect(resolveMinSeconds({ type: 'file', minSeconds: null }, 1, 2)).toBe(1350);
  });
});

describe('publishProblems', () => {
  it('lists missing files, videos and quizzes, and empty courses', () => {
    expect(publishProblems([]).map((p) => p.code)).toEqual(['NO_LESSONS']);
    const problems = publishProblems([
      { id: 'f', type: 'file', hasFile: false, hasVideo: false, quizId: null },
      { id: 'v', type: 'video', hasFile: false, hasVideo: false, quizId: null },
      { id: 'q', type: 'quiz', hasFile: false, hasVideo: false, quizId: null },
      { id: 't', type: 'text', hasFile: false, hasVideo: false, quizId: null },
    ]);
    expect(problems.map((p) => [p.lessonId, p.code])).toEqual([
      ['f', 'FILE_MISSING'],
      ['v', 'VIDEO_MISSING'],
      ['q', 'QUIZ_MISSING'],
    ]);
  });
});

describe('isPermutation', () => {
  it('accepts exactly the current ids in any order', () => {
    expect(isPermutation(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(isPermutation(['a', 'b'], ['a', 'a'])).toBe(false);
    expect(isPermutation(['a', 'b'], ['a'])).toBe(false);
    expect(isPermutation(['a', 'b'], ['a', 'c'])).toBe(false);
  });
});
