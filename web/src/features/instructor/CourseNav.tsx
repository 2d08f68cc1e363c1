import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The tabs of one course in the instructor area; every course page shows them. */
export function CourseNav({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const base = `/instructor/courses/${courseId}`;
  const tabs = [
    { to: base, label: t('instructor.courseNav.overview') },
    { to: `${base}/structure`, label: t('instructor.courseNav.structure') },
    { to: `${base}/question-bank`, label: t('instructor.courseNav.questionBank') },
    { to: `${base}/reports`, label: t('instructor.courseNav.reports') },
  ];
  return (
    <nav aria-label={t('instructor.courseNav.label')}>
      <Group gap="md">
        {tabs.map((tab) => (
          <Anchor component={NavLink} to={tab.to} key={tab.to} end>
            {tab.label}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}
