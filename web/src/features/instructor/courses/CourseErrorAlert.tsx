import { scopedErrorAlert } from '../../common/ErrorAlert';

/** Error codes of the course routes, said in the instructor's words. */
export const CourseErrorAlert = scopedErrorAlert('instructorCourses.errors');
