import { ComingSoon } from '../../common/ComingSoon';

export function CourseReportsPage() {
  return <ComingSoon area="instructor" />;
}
