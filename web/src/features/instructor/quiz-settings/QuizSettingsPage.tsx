import { ComingSoon } from '../../common/ComingSoon';

export function QuizSettingsPage() {
  return <ComingSoon area="instructor" />;
}
