import {
  completeRefusal,
  courseProgress,
  displayStatus,
  heartbeatCredit,
  isLessonUnlocked,
  jpCredited,
  lessonLockedBy,
  secondsStillRequired,
  LessonState,
  OutlineLesson,
} from './progress-rules';

const lesson = (id: string, over: Partial<OutlineLesson> = {}): OutlineLesson => ({
  id,
  type: 'text',
  required: true,
  minSeconds: 60,
  ...over,
});
const done: LessonState = { status: 'completed', timeSpentSeconds: 100 };
const open = (seconds = 0): LessonState => ({ status: 'in_progress', timeSpentSeconds: seconds });
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, seconds));

describe('heartbeatCredit', () => {
  it('credits the wall time since the last accepted heartbeat', () => {
    expect(heartbeatCredit(at(0), at(30))).toBe(30);
  });
  it('caps long gaps', () => {
    expect(heartbeatCredit(at(0), at(3000))).toBe(90);
  });
  it('credits nothing (null) for heartbeats closer than the minimum interval', () => {
    expect(heartbeatCredit(at(0), at(9))).toBeNull();
    expect(heartbeatCredit(at(10), at(5))).toBeNull();
    expect(heartbeatCredit(at(0), at(10))).toBe(10);
  });
  it('starts the clock on the first heartbeat', () => {
    expect(heartbeatCredit(null, at(0))).toBe(0);
  });
});

describe('isLessonUnlocked', () => {
  const lessons = [lesson('a'), lesson('b', { required: false }), lesson('c')];
  it('opens everything in a non-sequential course', () => {
    expect(isLessonUnlocked(lessons, new Map(), false, 'c')).toBe(true);
  });
  it('locks a lesson until earlier required lessons are done; optional ones never block', () => {
    expect(isLessonUnlocked(lessons, new Map(), true, 'a')).toBe(true);
    expect(isLessonUnlocked(lessons, new Map(), true, 'b')).toBe(false);
    expect(isLessonUnlocked(lessons, new Map([['a', done]]), true, 'c')).toBe(true);
    expect(isLessonUnlocked(lessons, new Map([['a', open(500)]]), true, 'c')).toBe(false);
  });
  it('treats unknown lessons as locked', () => {
    expect(isLessonUnlocked(lessons, new Map(), true, 'zz')).toBe(false);
  });
});

describe('completeRefusal', () => {
  it('refuses before the minimum time, with both figures', () => {
    expect(completeRefusal(lesson('a', { minSeconds: 60 }), open(59))).toEqual({
      code: 'MIN_TIME_NOT_REACHED',
      requiredSeconds: 60,
      spentSeconds: 59,
    });
    expect(completeRefusal(lesson('a', { minSeconds: 60 }), open(60))).toBeNull();
  });
  it('needs a start and never completes quiz lessons directly', () => {
    expect(completeRefusal(lesson('a'), undefined)).toEqual({ code: 'LESSON_NOT_STARTED' });
    expect(completeRefusal(lesson('q', { type: 'quiz', minSeconds: 0 }), open())).toEqual({
      code: 'QUIZ_MUST_BE_PASSED',
    });
  });
  it('accepts a repeated completion', () => {
    expect(completeRefusal(lesson('a', { minSeconds: 999 }), done)).toBeNull();
  });
});

describe('courseProgress', () => {
  const lessons = [lesson('a'), lesson('b', { required: false }), lesson('c')];
  it('is complete when every required lesson is complete', () => {
    const p = courseProgress(
      lessons,
      new Map([
        ['a', done],
        ['c', done],
      ]),
    );
    expect(p).toMatchObject({ complete: true, percent: 100, nextLessonId: 'b' });
  });
  it('counts only required lessons in the percent', () => {
    const p = courseProgress(
      lessons,
      new Map([
        ['a', done],
        ['b', done],
      ]),
    );
    expect(p).toMatchObject({ complete: false, percent: 50, requiredDone: 1, requiredTotal: 2 });
    expect(p.nextLessonId).toBe('c');
  });
  it('rounds down and handles all-optional and empty courses', () => {
    const three = [lesson('a'), lesson('b'), lesson('c')];
    expect(courseProgress(three, new Map([['a', done]])).percent).toBe(33);
    const optional = [lesson('a', { required: false }), lesson('b', { required: false })];
    expect(courseProgress(optional, new Map([['a', done]]))).toMatchObject({
      complete: true,
      percent: 50,
    });
    expect(courseProgress([], new Map())).toMatchObject({ complete: false, percent: 0 });
  });
});

describe('displayStatus', () => {
  const now = at(100);
  it('derives overdue for unfinished enrollments past due', () => {
    expect(displayStatus('in_progress', at(50), now)).toBe('overdue');
    expect(displayStatus('not_started', at(50), now)).toBe('overdue');
    expect(displayStatus('completed', at(50), now)).toBe('completed');
    expect(displayStatus('in_progress', at(150), now)).toBe('in_progress');
    expect(displayStatus('withdrawn', at(50), now)).toBe('withdrawn');
  });
});

describe('lessonLockedBy', () => {
  const lessons = [lesson('a'), lesson('b', { required: false }), lesson('c')];
  it('names the first earlier required lesson not yet complete, agreeing with isLessonUnlocked', () => {
    expect(lessonLockedBy(lessons, new Map(), true, 'a')).toBeNull();
    expect(lessonLockedBy(lessons, new Map(), true, 'c')).toBe('a');
    expect(lessonLockedBy(lessons, new Map([['a', done]]), true, 'c')).toBeNull();
    expect(lessonLockedBy(lessons, new Map(), false, 'c')).toBeNull();
    for (const id of ['a', 'b', 'c']) {
      for (const progress of [new Map(), new Map([['a', done]]), new Map([['a', open(5)]])]) {
        expect(lessonLockedBy(lessons, progress, true, id) === null).toBe(
          isLessonUnlocked(lessons, progress, true, id),
        );
      }
    }
  });
});

describe('secondsStillRequired', () => {
  it('is the minimum time minus the credited time, never negative, 0 once completed', () => {
    expect(secondsStillRequired(lesson('a'), undefined)).toBe(60);
    expect(secondsStillRequired(lesson('a'), open(45))).toBe(15);
    expect(secondsStillRequired(lesson('a'), open(75))).toBe(0);
    expect(secondsStillRequired(lesson('a', { minSeconds: 500 }), done)).toBe(0);
  });
});

describe('jpCredited', () => {
  it('credits the course JP only once completed', () => {
    expect(jpCredited('completed', 4)).toBe(4);
    expect(jpCredited('in_progress', 4)).toBe(0);
    expect(jpCredited('overdue', 4)).toBe(0);
  });
});
