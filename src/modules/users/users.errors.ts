import { registerErrorStatuses } from '../../common/errors/domain-error';

registerErrorStatuses({
  /** HR: the e-mail is registered already (in this or another organization; not said which). */
  EMPLOYEE_CONFLICT: 409,
});
