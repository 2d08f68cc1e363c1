import { scopedErrorAlert } from '../common/ErrorAlert';

/** Error codes of the admin routes said in the admin's words; others as everywhere else. */
export const AdminErrorAlert = scopedErrorAlert('admin.errors');
