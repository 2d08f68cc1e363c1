import { Route, Routes } from 'react-router';
import { ComingSoon } from '../common/ComingSoon';
import { NotFoundPage } from '../common/NotFoundPage';
import { ItemAnalysisPage } from './ItemAnalysisPage';

/** The instructor area (its own chunk, so learners never load it), mounted at /instructor/*. */
export default function InstructorArea() {
  return (
    <Routes>
      <Route index element={<ComingSoon area="instructor" />} />
      <Route path="quizzes/:quizId/item-analysis" element={<ItemAnalysisPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
