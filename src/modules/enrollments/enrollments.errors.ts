/** HTTP status of every code the enrollments module throws; combined into ErrorCode in src/common/errors. */
export const ENROLLMENT_ERRORS = {
  /** Extending due dates: the new date must be in the future... */
  DUE_DATE_IN_PAST: 422,
  /** ...and not earlier than a selected assignment's current due date. */
  DUE_DATE_NOT_LATER: 422,
  ENROLLMENT_NOT_OPEN: 409,
  ENROLLMENT_WITHDRAWN: 409,
  ENROLLMENT_COMPLETED: 409,
  LESSON_LOCKED: 409,
  LESSON_NOT_STARTED: 409,
  MIN_TIME_NOT_REACHED: 409,
  QUIZ_MUST_BE_PASSED: 409,
  SELF_ENROLL_NOT_ALLOWED: 403,
  WITHDRAWAL_NOT_ALLOWED: 403,
} as const satisfies Record<string, number>;
