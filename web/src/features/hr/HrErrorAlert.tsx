import { scopedErrorAlert } from '../common/ErrorAlert';

/** Error codes of the employees and assignments routes, said in HR's words. */
export const HrErrorAlert = scopedErrorAlert('hrEmployees.errors');
