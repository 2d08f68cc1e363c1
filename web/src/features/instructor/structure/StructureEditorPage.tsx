import { ComingSoon } from '../../common/ComingSoon';

export function StructureEditorPage() {
  return <ComingSoon area="instructor" />;
}
