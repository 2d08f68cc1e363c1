import { Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '../../app/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, type CourseSummaryView, type EnrollmentView } from '../../app/api';
import { formatDate, localized } from '../../app/format';
import { homeOfRole, useMe } from '../../app/me';
import { ErrorAlert, useErrorText } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { keys, useMyCourses } from './queries';
import { StatusBadge } from './StatusBadge';

function EnrollmentCard({ enrollment }: { enrollment: EnrollmentView }) {
  const { t, i18n } = useTranslation();
  const title = localized(i18n.language, enrollment);
  const target = enrollment.nextLessonId
    ? `/courses/${enrollment.courseId}/lessons/${enrollment.nextLessonId}`
    : `/courses/${enrollment.courseId}`;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={title}>
      <Stack gap="xs" h="100%">
        <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
          <Link to={`/courses/${enrollment.courseId}`} style={{ color: 'inherit' }}>
            {title}
          </Link>
        </Title>
        <Group gap="xs" wrap="wrap">
          <StatusBadge status={enrollment.status} />
          <Text size="sm" c={enrollment.status === 'overdue' ? 'red.8' : 'dimmed'}>
            {enrollment.dueAt
              ? t('training.due', { date: formatDate(i18n.language, enrollment.dueAt) })
              : t('training.noDue')}
          </Text>
        </Group>
        <Progress
          value={enrollment.percent}
          aria-label={t('training.progress')}
          color={enrollment.status === 'completed' ? 'green' : 'blue'}
        />
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t('training.progressValue', { percent: enrollment.percent })}</Text>
          <Text size="sm">
            {t('training.jp', { credited: enrollment.jpCredited, total: enrollment.jpHours })}
          </Text>
        </Group>
        <Group mt="auto">
          <Button
            component={Link}
            to={target}
            size="sm"
            variant={enrollment.nextLessonId ? 'filled' : 'light'}
          >
            {!enrollment.nextLessonId || enrollment.status === 'withdrawn'
              ? t('training.open')
              : enrollment.percent > 0 || enrollment.startedAt
                ? t('training.continue')
                : t('course.startHere')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CatalogueCard({ course }: { course: CourseSummaryView }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const enroll = useMutation({
    mutationFn: () => api.enroll(course.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.myCourses });
      void navigate(`/courses/${course.id}`);
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const title = localized(i18n.language, course);
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={title}>
      <Stack gap="xs" h="100%">
        <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {course.code} · {t('training.jpHours', { hours: course.jpHours })}
        </Text>
        <Group mt="auto">
          <Button
            size="sm"
            variant="light"
            loading={enroll.isPending}
            onClick={() => enroll.mutate()}
          >
            {t('training.enroll')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export default function MyTrainingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mine = useMyCourses();
  const isLearner = me.data?.role === 'learner';
  const catalogue = useQuery({
    queryKey: keys.catalogue,
    queryFn: api.catalogue,
    enabled: isLearner,
  });
  const home = homeOfRole(me.data?.role);
  if (home) return <Navigate to={home} replace />;

  const enrolledCourseIds = new Set(
    (mine.data?.items ?? []).filter((e) => e.status !== 'withdrawn').map((e) => e.courseId),
  );
  const openCourses = (catalogue.data?.items ?? []).filter(
    (c) => c.enrollmentMode === 'open' && !enrolledCourseIds.has(c.id),
  );

  return (
    <>
      <Stack gap="md" component="section" aria-labelledby="my-training">
        <Title order={1} id="my-training">
          {t('training.title')}
        </Title>
        {mine.isPending || me.isPending ? (
          <Loading />
        ) : mine.error ? (
          <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.items.length === 0 ? (
          <Text>{t('training.empty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {mine.data.items.map((e) => (
              <EnrollmentCard key={e.id} enrollment={e} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
      <Stack gap="md" component="section" aria-labelledby="catalogue" mt="lg">
        <div>
          <Title order={2} id="catalogue">
            {t('training.catalogueTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('training.catalogueIntro')}
          </Text>
        </div>
        {catalogue.isPending ? (
          <Loading />
        ) : catalogue.error ? (
          <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
        ) : openCourses.length === 0 ? (
          <Text>{t('training.catalogueEmpty')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {openCourses.map((c) => (
              <CatalogueCard key={c.id} course={c} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
