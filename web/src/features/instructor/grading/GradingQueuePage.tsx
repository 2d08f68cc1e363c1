import { ComingSoon } from '../../common/ComingSoon';

export function GradingQueuePage() {
  return <ComingSoon area="instructor" />;
}
