import { ComingSoon } from '../common/ComingSoon';

/** Placeholder until the admin pages are built; its own chunk, so learners never load it. */
export default function AdminHome() {
  return <ComingSoon area="admin" />;
}
