import { Alert, Anchor, Badge, Box, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, type AttemptQuestionView } from '../../../app/api';
import { useOutbox } from '../../../app/offline-queue';
import { answerKey } from '../../../app/offline-queue-core';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';
import type { Response } from './quiz-logic';

/** The plain text of a sanitised HTML fragment (option and prompt texts). */
function plain(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

/** The learner's answer in words (only when the server sent it back). */
function responseText(q: AttemptQuestionView, r: Response, t: (k: string) => string): string {
  switch (r.type) {
    case 'single_choice':
      return plain(q.options?.find((o) => o.id === r.optionId)?.text ?? '—');
    case 'multiple_choice':
      return (q.options ?? [])
        .filter((o) => r.optionIds.includes(o.id))
        .map((o) => plain(o.text))
        .join(', ');
    case 'true_false':
      return r.answer === null ? '—' : r.answer ? t('quiz.true') : t('quiz.false');
    case 'matching':
      return r.matches
        .map((m) => `${plain(q.prompts?.find((p) => p.id === m.pairId)?.text ?? '')} → ${m.answer}`)
        .join('; ');
    default:
      return r.text;
  }
}

/** Renders exactly the review blocks the server sent; nothing is worked out here. */
function ReviewCard({ q }: { q: AttemptQuestionView }) {
  const { t } = useTranslation();
  const review = q.review ?? {};
  const response = review.response as Response | null | undefined;
  const correctOptions = review.correctOptionIds
    ? (q.options ?? [])
        .filter((o) => review.correctOptionIds?.includes(o.id))
        .map((o) => plain(o.text))
    : null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={`r-${q.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={600} id={`r-${q.id}`}>
            {t('quiz.questionNumber', { number: q.number })}
          </Text>
          {review.awardedMark !== undefined && (
            <Badge variant="light" c="dark.8" tt="none">
              {review.awardedMark === null
                ? t('quiz.awaitingGrading')
                : t('quiz.mark', { mark: review.awardedMark, max: q.maxMark })}
            </Badge>
          )}
        </Group>
        <Box className="lesson-html" dangerouslySetInnerHTML={{ __html: q.text }} />
        {response !== undefined && (
          <Text size="sm">
            {t('quiz.yourAnswer')}{' '}
            <strong>{response === null ? t('quiz.noAnswer') : responseText(q, response, t)}</strong>
          </Text>
        )}
        {correctOptions && (
          <Text size="sm">
            {t('quiz.correctAnswer')} <strong>{correctOptions.join(', ')}</strong>
          </Text>
        )}
        {review.correctAnswer !== undefined && (
          <Text size="sm">
            {t('quiz.correctAnswer')}{' '}
            <strong>{review.correctAnswer ? t('quiz.true') : t('quiz.false')}</strong>
          </Text>
        )}
        {review.acceptedAnswers && (
          <Text size="sm">
            {t('quiz.correctAnswer')} <strong>{review.acceptedAnswers.join(', ')}</strong>
          </Text>
        )}
        {review.acceptedNumbers && (
          <Text size="sm">
            {t('quiz.correctAnswer')}{' '}
            <strong>
              {review.acceptedNumbers.map((n) => `${n.value} ± ${n.tolerance}`).join(', ')}
            </strong>
          </Text>
        )}
        {review.correctMatches && (
          <Text size="sm">
            {t('quiz.correctAnswer')}{' '}
            <strong>
              {review.correctMatches
                .map(
                  (m) =>
                    `${plain(q.prompts?.find((p) => p.id === m.pairId)?.text ?? '')} → ${m.answer}`,
                )
                .join('; ')}
            </strong>
          </Text>
        )}
        {review.answerFeedback?.map((f) => (
          <Text size="sm" key={f} c="dimmed">
            {f}
          </Text>
        ))}
        {review.generalFeedback && (
          <Box
            className="lesson-html"
            fz="sm"
            dangerouslySetInnerHTML={{ __html: review.generalFeedback }}
          />
        )}
        {review.graderComment && (
          <Text size="sm">
            {t('quiz.graderComment')} {review.graderComment}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export default function AttemptResultPage() {
  const { quizId = '', attemptId = '' } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const auto = (location.state as { auto?: boolean } | null)?.auto === true;
  const outbox = useOutbox();
  const attempt = useQuery({
    queryKey: ['attempt', attemptId],
    queryFn: () => api.attempt(attemptId),
  });
  if (attempt.isPending) return <Loading />;
  if (attempt.error)
    return <ErrorAlert error={attempt.error} onRetry={() => void attempt.refetch()} />;
  const a = attempt.data;
  const refused = a.questions.filter((q) =>
    outbox.refusals.some((r) => r.key === answerKey(a.id, q.id)),
  );
  const reviewed = a.questions.filter((q) => q.review && Object.keys(q.review).length > 0);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/quizzes/${quizId}`}>
        {t('quiz.backToQuiz')}
      </Anchor>
      <Title order={1} size="h2">
        {t('quiz.resultTitle', { number: a.attemptNo })}
      </Title>
      {auto && (
        <Alert color="blue" role="status">
          {t('quiz.autoSubmitted')}
        </Alert>
      )}
      {refused.length > 0 && (
        <Alert color="red" role="alert" title={t('quiz.refusedTitle')}>
          <Text size="sm">{t('quiz.refusedText')}</Text>
          <List size="sm">
            {refused.map((q) => (
              <List.Item key={q.id}>{t('quiz.questionNumber', { number: q.number })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Card withBorder radius="md" padding="lg">
        {a.result ? (
          <Stack gap={4}>
            <Text fz="xl" fw={700}>
              {t('quiz.score', { percent: a.result.percent })}
            </Text>
            <Text>{t('quiz.points', { score: a.result.score, max: a.result.maxScore })}</Text>
            {a.result.passed === null ? (
              <Badge color="gray" variant="light" c="dark.8" tt="none">
                {t('quiz.awaitingGrading')}
              </Badge>
            ) : (
              <Badge color={a.result.passed ? 'teal.9' : 'red.9'} size="lg" tt="none">
                {a.result.passed ? t('quiz.passed') : t('quiz.failed')}
              </Badge>
            )}
          </Stack>
        ) : (
          <Text>{t('quiz.scoreHidden')}</Text>
        )}
      </Card>
      {reviewed.length > 0 ? (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('quiz.review')}
          </Title>
          {reviewed.map((q) => (
            <ReviewCard key={q.id} q={q} />
          ))}
        </Stack>
      ) : (
        <Text c="dimmed">{t('quiz.reviewHidden')}</Text>
      )}
    </Stack>
  );
}
