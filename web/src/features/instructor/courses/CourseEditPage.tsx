import { ComingSoon } from '../../common/ComingSoon';

export function CourseEditPage() {
  return <ComingSoon area="instructor" />;
}
