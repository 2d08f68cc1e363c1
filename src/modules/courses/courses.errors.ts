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
  INVALID_POSITION: 422,
  NOT_COURSE_OWNER: 403,
  STAFF_MUST_BE_INSTRUCTOR: 422,
  COURSE_OWNER_NOT_REMOVABLE: 409,
} as const satisfies Record<string, number>;
