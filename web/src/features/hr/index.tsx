import { ComingSoon } from '../common/ComingSoon';

/** Placeholder until the hr pages are built; its own chunk, so learners never load it. */
export default function HrHome() {
  return <ComingSoon area="hr" />;
}
