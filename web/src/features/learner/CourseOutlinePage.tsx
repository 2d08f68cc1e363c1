import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '../../app/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, type LessonProgressView } from '../../app/api';
import { formatDate, formatDuration, localized } from '../../app/format';
import { ErrorAlert, useErrorText } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { NotFoundPage } from '../common/NotFoundPage';
import { keys, useCourseEnrollment } from './queries';
import { StatusBadge } from './StatusBadge';

function LessonRow({
  lesson,
  courseId,
  lessons,
}: {
  lesson: LessonProgressView;
  courseId: string;
  lessons: LessonProgressView[];
}) {
  const { t, i18n } = useTranslation();
  const title = localized(i18n.language, lesson);
  const blocker = lesson.lockedByLessonId
    ? lessons.find((l) => l.id === lesson.lockedByLessonId)
    : undefined;
  const done = lesson.status === 'completed';
  return (
    <List.Item
      icon={
        <ThemeIcon
          size={22}
          radius="xl"
          color={done ? 'green' : lesson.locked ? 'gray' : 'blue'}
          variant={done ? 'filled' : 'light'}
          aria-hidden
        >
          {done ? '✓' : lesson.locked ? '•' : '›'}
        </ThemeIcon>
      }
    >
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          {lesson.locked ? (
            <Text fw={500} c="dimmed">
              {title}
            </Text>
          ) : (
            <Anchor component={Link} to={`/courses/${courseId}/lessons/${lesson.id}`} fw={500}>
              {title}
            </Anchor>
          )}
          <Badge size="sm" variant="outline" color="gray">
            {t(`course.types.${lesson.type}`)}
          </Badge>
          {!lesson.required && (
            <Badge size="sm" variant="light" color="gray">
              {t('course.optional')}
            </Badge>
          )}
          {lesson.locked && (
            <Badge size="sm" color="gray" variant="filled">
              {t('course.locked')}
            </Badge>
          )}
          {!lesson.locked && lesson.status !== 'not_started' && (
            <StatusBadge status={lesson.status} />
          )}
        </Group>
        {lesson.locked && blocker && (
          <Text size="sm" c="dark.4">
            {t('course.lockedBy', { title: localized(i18n.language, blocker) })}
          </Text>
        )}
        {!done && lesson.secondsStillRequired > 0 && (
          <Text size="sm" c="dark.4">
            {t('course.minTimeLeft', { time: formatDuration(t, lesson.secondsStillRequired) })}
          </Text>
        )}
      </Stack>
    </List.Item>
  );
}

export default function CourseOutlinePage() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const course = useQuery({ queryKey: keys.course(courseId), queryFn: () => api.course(courseId) });
  const mine = useCourseEnrollment(courseId);
  const enroll = useMutation({
    mutationFn: () => api.enroll(courseId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.myCourses }),
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });

  if (course.isPending || mine.isPending) return <Loading />;
  if (course.error && 'status' in course.error && course.error.status === 404)
    return <NotFoundPage />;
  if (course.error || mine.error) {
    return (
      <ErrorAlert
        error={course.error ?? mine.error}
        onRetry={() => void (course.refetch(), mine.refetch())}
      />
    );
  }
  const published = course.data.published;
  const enrollment = mine.enrollment;
  const title = enrollment
    ? localized(i18n.language, enrollment)
    : published
      ? localized(i18n.language, published)
      : course.data.code;
  const description = published
    ? i18n.language === 'en'
      ? published.descriptionEn || published.descriptionId
      : published.descriptionId || published.descriptionEn
    : '';

  const lessons = enrollment?.lessons ?? [];
  const moduleIds = [...new Set(lessons.map((l) => l.moduleId))];
  const moduleTitle = (id: string, index: number) => {
    const module = published?.modules?.find((m) => m.id === id);
    return module ? localized(i18n.language, module) : t('course.module', { n: index + 1 });
  };

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/" size="sm">
          {t('app.back')}
        </Anchor>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {description && <Text>{description}</Text>}
      </Stack>
      {!enrollment ? (
        <Card withBorder radius="md">
          <Stack gap="sm" align="flex-start">
            <Text>{t('course.notEnrolled')}</Text>
            {published?.enrollmentMode === 'open' && (
              <Button loading={enroll.isPending} onClick={() => enroll.mutate()}>
                {t('training.enroll')}
              </Button>
            )}
          </Stack>
        </Card>
      ) : (
        <>
          <Card withBorder radius="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <StatusBadge status={enrollment.status} />
                <Text size="sm">
                  {t('training.jp', { credited: enrollment.jpCredited, total: enrollment.jpHours })}
                </Text>
              </Group>
              <Progress value={enrollment.percent} aria-label={t('training.progress')} />
              <Group justify="space-between" gap="xs">
                <Text size="sm">
                  {t('training.progressValue', { percent: enrollment.percent })}
                </Text>
                <Text size="sm" c={enrollment.status === 'overdue' ? 'red.8' : 'dimmed'}>
                  {enrollment.dueAt
                    ? t('training.due', { date: formatDate(i18n.language, enrollment.dueAt) })
                    : t('training.noDue')}
                </Text>
              </Group>
              {enrollment.nextLessonId && enrollment.status !== 'withdrawn' && (
                <Group>
                  <Button
                    component={Link}
                    to={`/courses/${courseId}/lessons/${enrollment.nextLessonId}`}
                  >
                    {enrollment.percent > 0 ? t('training.continue') : t('course.startHere')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
          <Stack gap="md" component="section" aria-labelledby="outline">
            <Title order={2} id="outline">
              {t('course.outline')}
            </Title>
            {moduleIds.map((moduleId, index) => {
              const inModule = lessons.filter((l) => l.moduleId === moduleId);
              return (
                <Card
                  withBorder
                  radius="md"
                  key={moduleId}
                  component="section"
                  aria-labelledby={`module-${moduleId}`}
                >
                  <Stack gap="sm">
                    <Group justify="space-between" gap="xs">
                      <Title order={3} fz="md" id={`module-${moduleId}`}>
                        {moduleTitle(moduleId, index)}
                      </Title>
                      <Text size="sm" c="dimmed">
                        {t('course.lessonCount', { count: inModule.length })}
                      </Text>
                    </Group>
                    <List
                      spacing="sm"
                      listStyleType="none"
                      styles={{ itemWrapper: { alignItems: 'flex-start' } }}
                    >
                      {inModule.map((lesson) => (
                        <LessonRow
                          key={lesson.id}
                          lesson={lesson}
                          courseId={courseId}
                          lessons={lessons}
                        />
                      ))}
                    </List>
                  </Stack>
                </Card>
              );
            })}
          </Stack>
        </>
      )}
    </Stack>
  );
}
