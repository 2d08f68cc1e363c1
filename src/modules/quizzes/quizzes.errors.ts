/** HTTP status of every code the quizzes module throws; combined into ErrorCode in src/common/errors. */
export const QUIZ_ERRORS = {
  IMPORT_INVALID: 422,
  QUESTION_INVALID: 422,
  QUIZ_SETTINGS_INVALID: 422,
  QUIZ_EXISTS: 409,
  QUIZ_NOT_OPEN: 409,
  ATTEMPTS_EXHAUSTED: 409,
  NOT_ENOUGH_QUESTIONS: 409,
  ATTEMPT_DEADLINE_PASSED: 409,
  ATTEMPT_NOT_OPEN: 409,
  ATTEMPT_NOT_GRADABLE: 409,
  QUESTION_NOT_IN_ATTEMPT: 404,
  NOT_ENROLLED: 404,
} as const satisfies Record<string, number>;
