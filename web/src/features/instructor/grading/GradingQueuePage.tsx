import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError, type GradingQueuePageView } from '../../../app/api';
import { formatDate, localized } from '../../../app/format';
import { CursorPager } from '../../common/CursorPager';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';
import { LeaveGuard } from '../quiz-settings/LeaveGuard';

type Item = GradingQueuePageView['items'][number];
interface Draft {
  mark: number | '';
  comment: string;
  reason: string;
}
const keyOf = (item: Item) => `${item.attemptId}:${item.questionId}`;

/**
 * One queue of essays waiting for a mark across the instructor's courses (oldest first), and the
 * essays already marked, where a mark can be changed with a reason.
 */
export function GradingQueuePage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [lastSaved, setLastSaved] = useState('');
  const state = params.get('state') === 'graded' ? 'graded' : 'waiting';
  const queue = useQuery({
    queryKey: ['grading-queue', params.toString()],
    queryFn: () => api.gradingQueue(params),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const withParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'cursor') next.delete('cursor');
    setParams(next);
  };
  // A draft exists once something was typed into a card, and goes when its mark is saved.
  const dirty = Object.keys(drafts).length > 0;
  const setDraft = (key: string, draft: Draft | null) =>
    setDrafts((all) => {
      const next = { ...all };
      if (draft) next[key] = draft;
      else delete next[key];
      return next;
    });

  return (
    <Stack gap="md">
      <LeaveGuard dirty={dirty} />
      <div>
        <Title order={1}>{t('grading.title')}</Title>
        <Text size="sm" maw={720}>
          {t('grading.intro')}
        </Text>
      </div>
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('grading.stateLabel')}
          value={state}
          onChange={(v) => withParam('state', v === 'graded' ? 'graded' : null)}
          data={[
            { value: 'waiting', label: t('grading.state.waiting') },
            { value: 'graded', label: t('grading.state.graded') },
          ]}
        />
        <NativeSelect
          label={t('grading.course')}
          value={params.get('courseId') ?? ''}
          onChange={(e) => withParam('courseId', e.currentTarget.value || null)}
          data={[
            { value: '', label: t('grading.allCourses') },
            ...(queue.data?.courses ?? []).map((c) => ({
              value: c.id,
              label: t('grading.courseOption', {
                title: localized(i18n.language, c),
                count: c.waiting,
              }),
            })),
          ]}
          miw={260}
        />
      </Group>
      <Text role="status" fw={500}>
        {lastSaved}
      </Text>
      {queue.isPending ? (
        <Loading />
      ) : queue.error ? (
        <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <Text>{t(state === 'graded' ? 'grading.emptyGraded' : 'grading.empty')}</Text>
      ) : (
        <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {queue.data.items.map((item) => (
            <li key={keyOf(item)}>
              <EssayCard
                item={item}
                // a new mark keeps the comment unless it is edited (the API replaces both)
                draft={drafts[keyOf(item)] ?? { mark: '', comment: item.comment ?? '', reason: '' }}
                onDraft={(d) => setDraft(keyOf(item), d)}
                onDone={(message) => {
                  setDraft(keyOf(item), null);
                  setLastSaved(message);
                }}
              />
            </li>
          ))}
        </Stack>
      )}
      <CursorPager
        onFirst={params.has('cursor') ? () => withParam('cursor', null) : undefined}
        nextCursor={queue.data?.nextCursor}
        onNext={(cursor) => withParam('cursor', cursor)}
      />
    </Stack>
  );
}

function EssayCard({
  item,
  draft,
  onDraft,
  onDone,
}: {
  item: Item;
  draft: Draft;
  onDraft: (draft: Draft) => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const regrading = item.mark !== null;
  const [confirming, setConfirming] = useState(false);
  const number = (v: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(v);
  const grade = useMutation({
    mutationFn: () =>
      api.gradeAttempt(item.attemptId, {
        grades: [
          {
            questionId: item.questionId,
            mark: Number(draft.mark),
            ...(draft.comment.trim() ? { comment: draft.comment.trim() } : {}),
          },
        ],
        ...(regrading ? { reason: draft.reason.trim() } : {}),
      }),
    onSuccess: (attempt) => {
      setConfirming(false);
      const who = item.learner.name;
      onDone(
        attempt.result
          ? t('grading.savedScore', { name: who, percent: number(attempt.result.percent) })
          : t('grading.saved', { name: who }),
      );
      void queryClient.invalidateQueries({ queryKey: ['grading-queue'] });
    },
    onError: () => setConfirming(false),
  });
  const markMissing = draft.mark === '';
  const reasonMissing = regrading && draft.reason.trim() === '';
  const [tried, setTried] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (markMissing || reasonMissing) return;
    if (regrading) setConfirming(true);
    else grade.mutate();
  };
  const serverCode = grade.error instanceof ApiError ? grade.error.code : null;
  const id = keyOf(item).replace(':', '-');

  return (
    <Card withBorder padding="md" data-item={keyOf(item)} aria-labelledby={`${id}-who`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={2} size="h4" id={`${id}-who`}>
              {item.learner.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t('grading.where', {
                course: localized(i18n.language, item.course),
                quiz: item.quiz.title,
                attempt: item.attemptNo,
                date: formatDate(i18n.language, item.submittedAt),
              })}
            </Text>
          </div>
          {regrading ? (
            <Badge color="teal.9" autoContrast>
              {t('grading.markBadge', { mark: number(item.mark!), max: number(item.maxMark) })}
            </Badge>
          ) : (
            <Badge color="yellow.4" autoContrast>
              {t('grading.waitingBadge')}
            </Badge>
          )}
        </Group>
        <div>
          <Text size="sm" fw={600}>
            {t('grading.question')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{item.questionText}</Text>
        </div>
        <div>
          <Text size="sm" fw={600}>
            {t('grading.answer')}
          </Text>
          <Paper withBorder p="sm" bg="gray.0" data-answer>
            {item.answerText.trim() ? (
              <Text style={{ whiteSpace: 'pre-wrap' }}>{item.answerText}</Text>
            ) : (
              <Text fs="italic" c="dimmed">
                {t('grading.blank')}
              </Text>
            )}
          </Paper>
        </div>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Group align="flex-start" gap="md" wrap="wrap">
              <NumberInput
                label={t(regrading ? 'grading.newMark' : 'grading.mark', {
                  max: number(item.maxMark),
                })}
                required
                min={0}
                max={item.maxMark}
                step={0.5}
                decimalScale={2}
                decimalSeparator={i18n.language === 'en' ? '.' : ','}
                value={draft.mark}
                onChange={(v) => onDraft({ ...draft, mark: v === '' ? '' : Number(v) })}
                error={tried && markMissing ? t('grading.markRequired') : undefined}
                w={200}
              />
              <Textarea
                label={t('grading.comment')}
                description={t('grading.commentHint')}
                autosize
                minRows={2}
                value={draft.comment}
                onChange={(e) => onDraft({ ...draft, comment: e.currentTarget.value })}
                style={{ flex: '1 1 260px' }}
              />
            </Group>
            {regrading && (
              <Textarea
                label={t('grading.reason')}
                description={t('grading.reasonHint')}
                required
                autosize
                minRows={2}
                value={draft.reason}
                onChange={(e) => onDraft({ ...draft, reason: e.currentTarget.value })}
                error={
                  (tried && reasonMissing) || serverCode === 'REGRADE_REASON_REQUIRED'
                    ? t('grading.reasonRequired')
                    : undefined
                }
              />
            )}
            {grade.error && serverCode !== 'REGRADE_REASON_REQUIRED' && (
              <ErrorAlert error={grade.error} />
            )}
            <Group>
              <Button type="submit" loading={grade.isPending && !regrading}>
                {t(regrading ? 'grading.change' : 'grading.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('grading.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('grading.close') }}
      >
        <Stack gap="md">
          <Text>
            {t('grading.confirmMessage', {
              name: item.learner.name,
              from: number(item.mark ?? 0),
              to: draft.mark === '' ? '' : number(draft.mark),
              max: number(item.maxMark),
            })}
          </Text>
          <Text size="sm">{t('grading.confirmReason', { reason: draft.reason.trim() })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('grading.cancel')}
            </Button>
            <Button loading={grade.isPending} onClick={() => grade.mutate()}>
              {t('grading.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
