import { registerErrorStatuses } from '../../common/errors/domain-error';

registerErrorStatuses({
  CSRF_REJECTED: 403,
});
