import { registerErrorStatuses } from '../../common/errors/domain-error';

registerErrorStatuses({
  EMAIL_RECIPIENT_UNKNOWN: 422,
  EMAIL_NOT_RETRYABLE: 409,
  INVALID_UNSUBSCRIBE_TOKEN: 400,
  UNKNOWN_NOTIFICATION_CATEGORY: 400,
});
