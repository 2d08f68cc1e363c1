import { Anchor, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { NotFoundPage } from '../common/NotFoundPage';
import { CourseEditPage } from './courses/CourseEditPage';
import { CourseListPage } from './courses/CourseListPage';
import { CoursePage } from './courses/CoursePage';
import { GradingQueuePage } from './grading/GradingQueuePage';
import { ItemAnalysisPage } from './ItemAnalysisPage';
import { QuestionBankPage } from './question-bank/QuestionBankPage';
import { QuestionImportPage } from './question-bank/QuestionImportPage';
import { QuizSettingsPage } from './quiz-settings/QuizSettingsPage';
import { CourseReportsPage } from './reports/CourseReportsPage';
import { StructureEditorPage } from './structure/StructureEditorPage';

const INSTRUCTOR_PAGES = [
  { to: '/instructor', label: 'instructor.nav.courses' },
  { to: '/instructor/grading', label: 'instructor.nav.grading' },
] as const;

/** The instructor area (its own chunk, so learners never load it), mounted at /instructor/*. */
export default function InstructorArea() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <nav aria-label={t('instructor.nav.label')}>
        <Group gap="md">
          {INSTRUCTOR_PAGES.map((p) => (
            <Anchor component={NavLink} to={p.to} key={p.to} end>
              {t(p.label)}
            </Anchor>
          ))}
        </Group>
      </nav>
      <Routes>
        <Route index element={<CourseListPage />} />
        <Route path="courses/new" element={<CourseEditPage />} />
        <Route path="courses/:courseId" element={<CoursePage />} />
        <Route path="courses/:courseId/edit" element={<CourseEditPage />} />
        <Route path="courses/:courseId/structure" element={<StructureEditorPage />} />
        <Route path="courses/:courseId/question-bank" element={<QuestionBankPage />} />
        <Route path="courses/:courseId/question-bank/import" element={<QuestionImportPage />} />
        <Route path="courses/:courseId/reports" element={<CourseReportsPage />} />
        <Route path="quizzes/:quizId/settings" element={<QuizSettingsPage />} />
        <Route path="quizzes/:quizId/item-analysis" element={<ItemAnalysisPage />} />
        <Route path="grading" element={<GradingQueuePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Stack>
  );
}
