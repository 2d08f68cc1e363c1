import {
  Alert,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, type AttemptView } from '../../../app/api';
import { formatTimeOfDay } from '../../../app/format';
import { enqueue, flush, useOutbox } from '../../../app/offline-queue';
import { answerKey } from '../../../app/offline-queue-core';
import { useErrorText } from '../../common/ErrorAlert';
import { QuestionInput } from './QuestionInput';
import {
  clockOffset,
  formatRemaining,
  isAnswered,
  remainingMs,
  responseFromBody,
  saveBody,
  unansweredNumbers,
  type Response,
} from './quiz-logic';

const TYPING_PAUSE_MS = 700;
/** Offline with this little time left: warn that unsent answers cannot count. */
const OFFLINE_WARNING_MS = 2 * 60_000;

type SaveState = 'saved' | 'saving' | 'waiting' | 'refused' | 'none';

export interface AttemptReceipt {
  attempt: AttemptView;
  receivedAt: number;
}

function useRemaining(receipt: AttemptReceipt): number | null {
  const { attempt, receivedAt } = receipt;
  const offset = clockOffset(attempt.serverNow, receivedAt);
  const compute = () =>
    attempt.deadline ? remainingMs(attempt.deadline, offset, Date.now()) : null;
  const [left, setLeft] = useState(compute);
  useEffect(() => {
    if (!attempt.deadline) return;
    const id = setInterval(() => setLeft(compute()), 250);
    return () => clearInterval(id);
    // compute depends only on the attempt receipt
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt.id, attempt.deadline, receivedAt]);
  return left;
}

export function TakeQuiz({ receipt, quizId }: { receipt: AttemptReceipt; quizId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const attempt = receipt.attempt;
  const questions = attempt.questions;
  const outbox = useOutbox();
  // The server's saved answers, overlaid with newer ones still waiting in the outbox (e.g. given
  // offline before a reload).
  const [answers, setAnswers] = useState<Record<string, Response>>(() => {
    const merged = { ...(attempt.answers ?? {}) } as Record<string, Response>;
    for (const q of questions) {
      const waiting = outbox.entries.find((e) => e.key === answerKey(attempt.id, q.id));
      if (waiting)
        merged[q.id] = responseFromBody(q.type as Response['type'], waiting.body as never);
    }
    return merged;
  });
  const [typing, setTyping] = useState<Record<string, boolean>>({});
  const [flags, setFlags] = useState<Record<string, boolean>>({});
  const [index, setIndex] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const timers = useRef<Record<string, ReturnType<typeof setTimeout>>>({});
  const latest = useRef(answers);
  const autoSubmitted = useRef(false);
  const remaining = useRemaining(receipt);
  const offset = clockOffset(attempt.serverNow, receipt.receivedAt);
  const graceEnds = attempt.graceUntil
    ? formatTimeOfDay(i18n.language, Date.parse(attempt.graceUntil) - offset)
    : '';
  const expired = remaining === 0;
  const question = questions[index];
  const headingId = `question-${question.id}`;

  const save = (questionId: string) => {
    clearTimeout(timers.current[questionId]);
    const response = latest.current[questionId];
    setTyping((s) => ({ ...s, [questionId]: false }));
    if (!response) return;
    void enqueue({
      key: answerKey(attempt.id, questionId),
      kind: 'answer',
      method: 'PUT',
      path: `/api/v1/attempts/${attempt.id}/answers/${questionId}`,
      body: saveBody(response, Date.now() + offset),
    });
  };
  const change = (questionId: string, response: Response, immediate: boolean) => {
    latest.current = { ...latest.current, [questionId]: response };
    setAnswers(latest.current);
    clearTimeout(timers.current[questionId]);
    if (immediate) return save(questionId);
    setTyping((s) => ({ ...s, [questionId]: true }));
    timers.current[questionId] = setTimeout(() => save(questionId), TYPING_PAUSE_MS);
  };

  const saveState = (questionId: string): SaveState => {
    const key = answerKey(attempt.id, questionId);
    if (outbox.refusals.some((r) => r.key === key)) return 'refused';
    if (typing[questionId]) return 'saving';
    if (outbox.entries.some((e) => e.key === key)) {
      return outbox.online && !outbox.unreachable ? 'saving' : 'waiting';
    }
    return answers[questionId] ? 'saved' : 'none';
  };
  const mine = outbox.entries.filter((e) => e.key.startsWith(`answer:${attempt.id}:`)).length;

  const finish = async (auto: boolean) => {
    setSubmitting(true);
    setSubmitError(null);
    for (const id of Object.keys(timers.current)) if (typing[id]) save(id);
    await flush();
    try {
      await api.submitAttempt(attempt.id);
    } catch (error) {
      // Submitted already (by the server at the deadline): the result is there all the same.
      if (!(error instanceof ApiError && error.code === 'ATTEMPT_NOT_OPEN')) {
        autoSubmitted.current = false;
        setSubmitting(false);
        setSubmitError(error);
        return;
      }
    }
    void navigate(`/quizzes/${quizId}/attempts/${attempt.id}`, { state: { auto } });
  };

  // At the deadline the page submits by itself (again once the connection is back).
  useEffect(() => {
    if (!expired || !outbox.online || autoSubmitted.current) return;
    autoSubmitted.current = true;
    const id = setTimeout(() => void finish(true), 0);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [expired, outbox.online]);

  const unanswered = unansweredNumbers(questions, answers);
  const flagged = questions.filter((q) => flags[q.id]).map((q) => q.number);
  const stateText: Record<SaveState, string> = {
    saved: t('quiz.saved'),
    saving: t('quiz.saving'),
    waiting: t('quiz.waiting'),
    refused: t('quiz.refused'),
    none: t('quiz.notAnswered'),
  };
  const stateColor: Record<SaveState, string> = {
    saved: 'green',
    saving: 'blue',
    waiting: 'orange',
    refused: 'red',
    none: 'gray',
  };
  const current = saveState(question.id);

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h3">
          {t('quiz.attemptTitle', { number: attempt.attemptNo })}
        </Title>
        {remaining !== null && (
          <Badge
            size="lg"
            color={remaining < 60_000 ? 'red' : 'blue'}
            variant="light"
            c="dark.8"
            tt="none"
            role="timer"
            aria-label={t('quiz.timeLeftLabel', { time: formatRemaining(remaining) })}
          >
            {t('quiz.timeLeft', { time: formatRemaining(remaining) })}
          </Badge>
        )}
      </Group>

      {expired && (
        <Alert
          color="orange"
          role="status"
          title={t('quiz.timeUpTitle')}
          classNames={{ title: 'quiz-alert-title' }}
        >
          {outbox.online
            ? t('quiz.timeUpSubmitting')
            : t('quiz.timeUpOffline', { time: graceEnds })}
        </Alert>
      )}
      {!outbox.online && !expired && (
        <Alert
          color={remaining !== null && remaining < OFFLINE_WARNING_MS ? 'red' : 'orange'}
          role="status"
          title={t('offline.title')}
          classNames={{ title: 'quiz-alert-title' }}
        >
          {remaining !== null && remaining < OFFLINE_WARNING_MS
            ? t('quiz.offlineNearDeadline', { time: graceEnds })
            : t('quiz.offlineKept')}
        </Alert>
      )}

      <nav aria-label={t('quiz.navigator')}>
        <Group gap={6} wrap="wrap">
          {questions.map((q, i) => {
            const answered = isAnswered(answers[q.id]);
            const parts = [
              t('quiz.questionNumber', { number: q.number }),
              answered ? t('quiz.answered') : t('quiz.notAnswered'),
              ...(flags[q.id] ? [t('quiz.flagged')] : []),
            ];
            return (
              <UnstyledButton
                key={q.id}
                className="quiz-nav-button"
                data-answered={answered || undefined}
                data-flagged={flags[q.id] || undefined}
                data-current={i === index || undefined}
                aria-current={i === index ? 'step' : undefined}
                aria-label={parts.join(', ')}
                onClick={() => setIndex(i)}
              >
                {q.number}
              </UnstyledButton>
            );
          })}
        </Group>
      </nav>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={headingId}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600} c="dimmed" size="sm">
              {t('quiz.questionOf', { number: question.number, total: questions.length })}
            </Text>
            {question.type !== 'description' && (
              <Badge color={stateColor[current]} variant="light" c="dark.8" tt="none" role="status">
                {stateText[current]}
              </Badge>
            )}
          </Group>
          <Box
            id={headingId}
            className="lesson-html quiz-question-text"
            dangerouslySetInnerHTML={{ __html: question.text }}
          />
          <QuestionInput
            key={question.id}
            question={question}
            value={answers[question.id]}
            labelId={headingId}
            onChange={(r, immediate) => change(question.id, r, immediate)}
            onBlur={() => typing[question.id] && save(question.id)}
          />
          <Checkbox
            mt="sm"
            label={t('quiz.flag')}
            checked={!!flags[question.id]}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setFlags((f) => ({ ...f, [question.id]: checked }));
            }}
          />
        </Stack>
      </Card>

      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Button variant="default" disabled={index === 0} onClick={() => setIndex(index - 1)}>
            {t('quiz.previous')}
          </Button>
          <Button
            variant="default"
            disabled={index === questions.length - 1}
            onClick={() => setIndex(index + 1)}
          >
            {t('quiz.next')}
          </Button>
        </Group>
        <Button onClick={() => setConfirming(true)} disabled={expired}>
          {t('quiz.finish')}
        </Button>
      </Group>

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('quiz.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('quiz.close') }}
        centered
      >
        <Stack gap="sm">
          {unanswered.length > 0 ? (
            <>
              <Text>{t('quiz.unansweredCount', { count: unanswered.length })}</Text>
              <List>
                {unanswered.map((n) => (
                  <List.Item key={n}>{t('quiz.questionNumber', { number: n })}</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text>{t('quiz.allAnswered')}</Text>
          )}
          {flagged.length > 0 && (
            <Text size="sm">{t('quiz.flaggedList', { numbers: flagged.join(', ') })}</Text>
          )}
          {mine > 0 && (
            <Alert color="orange" role="status">
              {t('quiz.unsentWarning', { count: mine })}
            </Alert>
          )}
          {submitError !== null && (
            <Alert color="red" role="alert">
              {errorText(submitError)}
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('quiz.confirmNote')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('quiz.keepWorking')}
            </Button>
            <Button loading={submitting} onClick={() => void finish(false)}>
              {t('quiz.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {expired && submitError !== null && (
        <Alert color="red" role="alert">
          {errorText(submitError)}
        </Alert>
      )}
    </Stack>
  );
}
