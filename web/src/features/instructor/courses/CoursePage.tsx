import { ComingSoon } from '../../common/ComingSoon';

export function CoursePage() {
  return <ComingSoon area="instructor" />;
}
