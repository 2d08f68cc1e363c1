/** HTTP status of every code the notifications module throws; combined into ErrorCode in src/common/errors. */
export const NOTIFICATION_ERRORS = {
  EMAIL_RECIPIENT_UNKNOWN: 422,
  EMAIL_NOT_RETRYABLE: 409,
  INVALID_UNSUBSCRIBE_TOKEN: 400,
  UNKNOWN_NOTIFICATION_CATEGORY: 400,
  NOTIFICATION_CATEGORY_NOT_FOR_ROLE: 400,
} as const satisfies Record<string, number>;
