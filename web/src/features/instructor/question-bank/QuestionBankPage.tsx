import { ComingSoon } from '../../common/ComingSoon';

export function QuestionBankPage() {
  return <ComingSoon area="instructor" />;
}
