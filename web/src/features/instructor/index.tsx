import { ComingSoon } from '../common/ComingSoon';

/** Placeholder until the instructor pages are built; its own chunk, so learners never load it. */
export default function InstructorHome() {
  return <ComingSoon area="instructor" />;
}
