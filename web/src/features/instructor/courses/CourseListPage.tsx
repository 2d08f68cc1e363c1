import { ComingSoon } from '../../common/ComingSoon';

export function CourseListPage() {
  return <ComingSoon area="instructor" />;
}
