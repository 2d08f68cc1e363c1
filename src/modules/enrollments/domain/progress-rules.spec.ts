import {
  completeRefusal,
  courseProgress,
  displayStatus,
  enrollmentModeRefusal,
  heartbeatCredit,
  heartbeatSqlParameters,
  isLessonUnlocked,
  jpCredited,
  lessonAccessRefusal,
  lessonLockedBy,
  secondsStillRequired,
  LessonState,
  OutlineLesson,
  statusAfterActivity,
  withdrawalRefusal,
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
  it('gives the heartbeat SQL the interval and cap this rule applies', () => {
    const [minIntervalSeconds, capSeconds] = heartbeatSqlParameters();
    expect([minIntervalSeconds, capSeconds]).toEqual([10, 90]);
    // The SQL credits nothing while last_activity_at > now() - $4 ...
    expect(heartbeatCredit(at(0), at(minIntervalSeconds - 1))).toBeNull();
    expect(heartbeatCredit(at(0), at(minIntervalSeconds))).toBe(minIntervalSeconds);
    // ... and LEAST($5, elapsed) otherwise.
    expect(heartbeatCredit(at(0), at(capSeconds))).toBe(capSeconds);
    expect(heartbeatCredit(at(0), at(capSeconds + 1))).toBe(capSeconds);
    const custom = { minIntervalSeconds: 5, capSeconds: 30 };
    expect(heartbeatSqlParameters(custom)).toEqual([5, 30]);
    expect(heartbeatCredit(at(0), at(4), custom)).toBeNull();
    expect(heartbeatCredit(at(0), at(31), custom)).toBe(30);
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

describe('lessonAccessRefusal', () => {
  const lessons = [lesson('a'), lesson('b', { type: 'quiz' })];
  const base = { lessons, sequential: true, progress: new Map<string, LessonState>() };

  it('locks a later lesson of a sequential course until the earlier required ones are done', () => {
    expect(lessonAccessRefusal({ ...base, enrollmentStatus: 'in_progress', lessonId: 'a' })).toBe(
      null,
    );
    expect(lessonAccessRefusal({ ...base, enrollmentStatus: 'not_started', lessonId: 'b' })).toBe(
      'LESSON_LOCKED',
    );
    const done = new Map<string, LessonState>([
      ['a', { status: 'completed', timeSpentSeconds: 0 }],
    ]);
    expect(
      lessonAccessRefusal({
        ...base,
        progress: done,
        enrollmentStatus: 'in_progress',
        lessonId: 'b',
      }),
    ).toBe(null);
    expect(
      lessonAccessRefusal({
        ...base,
        sequential: false,
        enrollmentStatus: 'in_progress',
        lessonId: 'b',
      }),
    ).toBe(null);
  });

  it('refuses withdrawn enrollments and lessons of another version', () => {
    expect(lessonAccessRefusal({ ...base, enrollmentStatus: 'withdrawn', lessonId: 'a' })).toBe(
      'ENROLLMENT_WITHDRAWN',
    );
    expect(lessonAccessRefusal({ ...base, enrollmentStatus: 'in_progress', lessonId: 'x' })).toBe(
      'LESSON_NOT_FOUND',
    );
  });
});

describe('statusAfterActivity', () => {
  it('never leaves an enrollment with activity as not_started', () => {
    expect(statusAfterActivity('not_started', false)).toBe('in_progress');
    expect(statusAfterActivity('not_started', true)).toBe('completed');
    expect(statusAfterActivity('in_progress', true)).toBe('completed');
    expect(statusAfterActivity('completed', false)).toBe('completed');
    expect(statusAfterActivity('withdrawn', true)).toBe('withdrawn');
  });
});

describe('enrollment mode and withdrawal', () => {
  it('an HR-assigned-only course admits no self-enrolment or self-renewal', () => {
    expect(enrollmentModeRefusal('assigned', 'self')).toBe('SELF_ENROLL_NOT_ALLOWED');
    expect(enrollmentModeRefusal('assigned', 'hr')).toBe(null);
    expect(enrollmentModeRefusal('open', 'self')).toBe(null);
  });

  it('a learner withdraws only what they enrolled in themselves', () => {
    const own = { userId: 'u', assignedById: null };
    const selfRenewed = { userId: 'u', assignedById: 'u' };
    const assigned = { userId: 'u', assignedById: 'hr' };
    expect(withdrawalRefusal('learner', own)).toBe(null);
    expect(withdrawalRefusal('learner', selfRenewed)).toBe(null);
    expect(withdrawalRefusal('learner', assigned)).toBe('WITHDRAWAL_NOT_ALLOWED');
    expect(withdrawalRefusal('hr', assigned)).toBe(null);
    expect(withdrawalRefusal('admin', assigned)).toBe(null);
    expect(withdrawalRefusal('instructor', own)).toBe('WITHDRAWAL_NOT_ALLOWED');
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
