import { scopedErrorAlert } from '../../common/ErrorAlert';

/** Error codes of the question bank routes, in the author's words; others as everywhere. */
export const BankErrorAlert = scopedErrorAlert('questionBank.errors');
