import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';
import { TakeQuiz, type AttemptReceipt } from './TakeQuiz';

/** The quiz intro (attempts, time limit, pass mark), then the attempt itself. */
export default function QuizPage() {
  const { quizId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [receipt, setReceipt] = useState<AttemptReceipt | null>(null);
  const quiz = useQuery({ queryKey: ['quiz', quizId], queryFn: () => api.learnerQuiz(quizId) });
  const start = useMutation({
    mutationFn: () => api.startAttempt(quizId),
    onSuccess: (attempt) => setReceipt({ attempt, receivedAt: Date.now() }),
  });

  if (receipt) return <TakeQuiz receipt={receipt} quizId={quizId} />;
  if (quiz.isPending) return <Loading />;
  if (quiz.error) return <ErrorAlert error={quiz.error} onRetry={() => void quiz.refetch()} />;

  const q = quiz.data;
  const open = q.attempts.find((a) => a.status === 'open');
  const date = (iso: string | null) =>
    iso
      ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
      : '—';
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/courses/${q.courseId}`}>
        {t('lesson.backToCourse')}
      </Anchor>
      <Title order={1} size="h2">
        {q.title}
      </Title>
      <Card withBorder radius="md" padding="lg">
        <Stack gap="xs">
          <Text>
            {q.attemptsAllowed === null
              ? t('quiz.attemptsUsedUnlimited', { used: q.attempts.length })
              : t('quiz.attemptsUsed', { used: q.attempts.length, allowed: q.attemptsAllowed })}
          </Text>
          <Text>
            {q.timeLimitSeconds
              ? t('quiz.timeLimit', { minutes: Math.ceil(q.timeLimitSeconds / 60) })
              : t('quiz.noTimeLimit')}
          </Text>
          <Text>{t('quiz.passMark', { percent: q.passingPercent })}</Text>
          {q.grade && <Text fw={600}>{t('quiz.grade', { percent: q.grade.percent })}</Text>}
          {q.timeLimitSeconds !== null && (
            <Text size="sm" c="dimmed">
              {t('quiz.timedHint')}
            </Text>
          )}
          {start.error && <ErrorAlert error={start.error} />}
          <Group mt="sm">
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {open ? t('quiz.continue') : t('quiz.start')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {q.attempts.length > 0 && (
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="sm">
            {t('quiz.attempts')}
          </Title>
          <Table.ScrollContainer minWidth={0}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('quiz.attemptColumn')}</Table.Th>
                  <Table.Th>{t('quiz.submittedColumn')}</Table.Th>
                  <Table.Th>{t('quiz.scoreColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.attempts.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      {a.status === 'open' ? (
                        t('quiz.attemptNo', { number: a.attemptNo })
                      ) : (
                        <Anchor component={Link} to={`/quizzes/${quizId}/attempts/${a.id}`}>
                          {t('quiz.attemptNo', { number: a.attemptNo })}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {a.status === 'open' ? (
                        <Badge variant="light" c="dark.8" tt="none">
                          {t('quiz.inProgress')}
                        </Badge>
                      ) : (
                        date(a.submittedAt)
                      )}
                    </Table.Td>
                    <Table.Td>{a.percent === null ? t('quiz.hidden') : `${a.percent}%`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
