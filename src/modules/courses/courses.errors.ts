/** HTTP status of every code the courses module throws; combined into ErrorCode in src/common/errors. */
export const COURSE_ERRORS = {
  COURSE_CODE_TAKEN: 409,
  DRAFT_REQUIRED: 409,
  DRAFT_EXISTS: 409,
  COURSE_NOT_PUBLISHED: 409,
  COURSE_NOT_PUBLISHABLE: 422,
  LESSON_NOT_EDITABLE: 409,
  LESSON_TYPE_MISMATCH: 422,
  INVALID_ORDER: 422,
} as const satisfies Record<string, number>;
