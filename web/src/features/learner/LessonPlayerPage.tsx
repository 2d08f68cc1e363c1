import { Alert, Anchor, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '../../app/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  api,
  type EnrollmentView,
  type LessonContentView,
  type LessonProgressView,
} from '../../app/api';
import { formatDuration, localized } from '../../app/format';
import { enqueue, flush } from '../../app/offline-queue';
import { heartbeatKey } from '../../app/offline-queue-core';
import { ErrorAlert, useErrorText } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { NotFoundPage } from '../common/NotFoundPage';
import { keys, useCourseEnrollment } from './queries';
import { useHeartbeat } from './useHeartbeat';

const isOpen = (e: EnrollmentView) => e.status !== 'withdrawn' && e.status !== 'completed';

function LessonBody({
  content,
  onPlayingChange,
  onDownload,
  downloading,
}: {
  content: LessonContentView;
  onPlayingChange: (playing: boolean) => void;
  onDownload: () => void;
  downloading: boolean;
}) {
  const { t } = useTranslation();
  if (content.type === 'text') {
    // Rendered and sanitised by the server; never re-render Markdown here.
    return <Box className="lesson-html" dangerouslySetInnerHTML={{ __html: content.html ?? '' }} />;
  }
  if (content.type === 'video') {
    return (
      <Stack gap="xs">
        <video
          src={content.videoUrl}
          controls
          preload="metadata"
          style={{ width: '100%', maxHeight: '70vh', background: '#000' }}
          aria-label={t('lesson.videoTitle')}
          onPlay={() => onPlayingChange(true)}
          onPause={() => onPlayingChange(false)}
          onEnded={() => onPlayingChange(false)}
        />
        <Text size="sm" c="dimmed">
          {t('lesson.videoHint')}
        </Text>
      </Stack>
    );
  }
  if (content.type === 'file') {
    return (
      <Group>
        <Button onClick={onDownload} loading={downloading}>
          {t('lesson.download')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="sm" align="flex-start">
      <Text>{t('quiz.lessonHint')}</Text>
      {content.quizId && (
        <Button component={Link} to={`/quizzes/${content.quizId}`}>
          {t('quiz.openQuiz')}
        </Button>
      )}
    </Stack>
  );
}

function OpenLesson({
  enrollment,
  lesson,
  courseId,
}: {
  enrollment: EnrollmentView;
  lesson: LessonProgressView;
  courseId: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [playing, setPlaying] = useState(false);
  const [completedPercent, setCompletedPercent] = useState<number | null>(null);
  const refreshEnrollment = () =>
    queryClient.invalidateQueries({ queryKey: keys.enrollment(enrollment.id) });
  const active = isOpen(enrollment);

  const start = useMutation({
    mutationFn: () => api.startLesson(enrollment.id, lesson.id),
    onSuccess: () => refreshEnrollment(),
  });
  const needsStart = active && lesson.status !== 'completed';
  useEffect(() => {
    if (needsStart) start.mutate();
    // Once per lesson visit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enrollment.id, lesson.id]);

  const content = useQuery({
    queryKey: keys.lesson(enrollment.id, lesson.id),
    queryFn: () => api.lesson(enrollment.id, lesson.id),
    enabled: !needsStart || start.isSuccess,
  });

  const heartbeatWanted =
    active &&
    lesson.status !== 'completed' &&
    (content.data?.type === 'video' ? playing : content.isSuccess);
  // Through the outbox: a heartbeat made offline waits there (one per lesson, since the
  // server credits the time since the last heartbeat, capped) and goes out on reconnect.
  useHeartbeat(heartbeatWanted, () => {
    void enqueue({
      key: heartbeatKey(enrollment.id, lesson.id),
      kind: 'heartbeat',
      method: 'POST',
      path: `/api/v1/enrollments/${enrollment.id}/lessons/${lesson.id}/heartbeat`,
    })
      .then(flush)
      .then(refreshEnrollment);
  });

  const download = useMutation({
    mutationFn: () => api.lessonFile(enrollment.id, lesson.id),
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const complete = useMutation({
    mutationFn: () => api.completeLesson(enrollment.id, lesson.id),
    onSuccess: async (result) => {
      setCompletedPercent(result.percent);
      await Promise.all([
        refreshEnrollment(),
        queryClient.invalidateQueries({ queryKey: keys.myCourses }),
      ]);
    },
  });

  if (start.error) return <ErrorAlert error={start.error} onRetry={() => start.mutate()} />;
  if (content.isPending) return <Loading />;
  if (content.error)
    return <ErrorAlert error={content.error} onRetry={() => void content.refetch()} />;

  const done = lesson.status === 'completed';
  // The following lesson in course order, once it is open (the server's lock decides).
  const lessons = enrollment.lessons ?? [];
  const following = lessons[lessons.findIndex((l) => l.id === lesson.id) + 1];
  const next = following && !following.locked ? following.id : null;
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="lg">
        <LessonBody
          content={content.data}
          onPlayingChange={setPlaying}
          onDownload={() => download.mutate()}
          downloading={download.isPending}
        />
      </Card>
      <Card withBorder radius="md" component="section" aria-label={t('training.progress')}>
        <Stack gap="sm">
          <Text size="sm">
            {t('lesson.credited', { time: formatDuration(t, lesson.timeSpentSeconds) })}
          </Text>
          {!done && lesson.secondsStillRequired > 0 && (
            <Text size="sm" c="dark.4">
              {t('lesson.stillRequired', { time: formatDuration(t, lesson.secondsStillRequired) })}
            </Text>
          )}
          {!done && lesson.completeRefusal === 'QUIZ_MUST_BE_PASSED' && (
            <Text size="sm" c="dark.4">
              {t('errors.QUIZ_MUST_BE_PASSED')}
            </Text>
          )}
          {complete.error && <ErrorAlert error={complete.error} />}
          {completedPercent !== null && (
            <Alert color="green" role="status">
              {t('lesson.completedNotice', { percent: completedPercent })}
            </Alert>
          )}
          <Group gap="sm">
            {done ? (
              <Text fw={600}>{t('lesson.completed')}</Text>
            ) : (
              <Button
                onClick={() => complete.mutate()}
                disabled={!lesson.canComplete}
                loading={complete.isPending}
              >
                {t('lesson.complete')}
              </Button>
            )}
            {next && (
              <Button component={Link} to={`/courses/${courseId}/lessons/${next}`} variant="light">
                {t('lesson.next')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

export default function LessonPlayerPage() {
  const { courseId = '', lessonId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const mine = useCourseEnrollment(courseId);

  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={mine.error} onRetry={mine.refetch} />;
  const enrollment = mine.enrollment;
  const lesson = enrollment?.lessons?.find((l) => l.id === lessonId);
  if (!enrollment || !lesson) return <NotFoundPage />;
  const blocker = lesson.lockedByLessonId
    ? enrollment.lessons?.find((l) => l.id === lesson.lockedByLessonId)
    : undefined;

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Anchor component={Link} to={`/courses/${courseId}`} size="sm">
          {t('lesson.backToCourse')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {localized(i18n.language, enrollment)}
        </Text>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {localized(i18n.language, lesson)}
        </Title>
      </Stack>
      {lesson.locked ? (
        <Alert color="gray" title={t('lesson.lockedTitle')} role="status">
          {blocker
            ? t('course.lockedBy', { title: localized(i18n.language, blocker) })
            : t('errors.LESSON_LOCKED')}
        </Alert>
      ) : (
        <OpenLesson key={lesson.id} enrollment={enrollment} lesson={lesson} courseId={courseId} />
      )}
    </Stack>
  );
}
