import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { localized } from '../../app/format';
import { CourseStatusBadges } from './courses/CourseStatusBadges';
import { useAuthorCourse } from './courses/queries';

/**
 * The header of every course page: the course's name, its draft and published state, and the
 * tabs of the course.
 */
export function CourseNav({ courseId }: { courseId: string }) {
  const { t, i18n } = useTranslation();
  const course = useAuthorCourse(courseId);
  const base = `/instructor/courses/${courseId}`;
  const tabs = [
    { to: base, label: t('instructor.courseNav.overview') },
    { to: `${base}/edit`, label: t('instructor.courseNav.details') },
    { to: `${base}/structure`, label: t('instructor.courseNav.structure') },
    { to: `${base}/question-bank`, label: t('instructor.courseNav.questionBank') },
    { to: `${base}/reports`, label: t('instructor.courseNav.reports') },
  ];
  const version = course.data && (course.data.draft ?? course.data.published);
  return (
    <Stack gap="xs">
      {course.data && (
        <Group gap="sm" wrap="wrap" justify="space-between">
          <Text fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {version ? localized(i18n.language, version) : course.data.code}
            <Text span c="dimmed" fw={400} size="sm" ml="xs">
              {course.data.code}
            </Text>
          </Text>
          <CourseStatusBadges course={course.data} />
        </Group>
      )}
      <nav aria-label={t('instructor.courseNav.label')}>
        <Group gap="md">
          {tabs.map((tab) => (
            <Anchor component={NavLink} to={tab.to} key={tab.to} end>
              {tab.label}
            </Anchor>
          ))}
        </Group>
      </nav>
    </Stack>
  );
}
