import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseView } from '../../../app/api';
import { StatusBadge } from './StatusBadge';

/** Draft and published state, always both visible: what learners meet and what is being edited. */
export function CourseStatusBadges({ course }: { course: CourseView }) {
  const { t } = useTranslation();
  const live = course.published;
  return (
    <Group gap="xs" data-testid="course-status">
      {live ? (
        <StatusBadge tone={live.status}>
          {t(`instructorCourses.status.${live.status === 'published' ? 'published' : 'archived'}`, {
            no: live.versionNo,
          })}
        </StatusBadge>
      ) : (
        <StatusBadge tone="archived">{t('instructorCourses.status.neverPublished')}</StatusBadge>
      )}
      {course.draft && (
        <StatusBadge tone="draft">
          {t('instructorCourses.status.draft', { no: course.draft.versionNo })}
        </StatusBadge>
      )}
    </Group>
  );
}
