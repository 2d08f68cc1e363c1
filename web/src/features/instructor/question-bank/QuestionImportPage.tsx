import { ComingSoon } from '../../common/ComingSoon';

export function QuestionImportPage() {
  return <ComingSoon area="instructor" />;
}
