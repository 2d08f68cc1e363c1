import { Button, Checkbox, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type QuestionView } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';

const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

type PickerQuestion = Pick<QuestionView, 'id' | 'title' | 'text'> & {
  type: QuestionView['type'] | null;
};

/**
 * Fixed questions: the chosen ones first, in their order, then the whole bank page by page
 * ("show more") with a search, so every question of a large bank can be picked.
 */
export function FixedQuestionPicker({
  courseId,
  chosenIds,
  onChange,
}: {
  courseId: string;
  chosenIds: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const bank = useInfiniteQuery({
    queryKey: ['bank-questions', courseId, 'picker', debounced],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (debounced) params.set('search', debounced);
      if (pageParam) params.set('cursor', pageParam);
      return api.bankQuestions(courseId, params);
    },
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // While a new search runs, the list stays as it was.
    placeholderData: keepPreviousData,
  });
  const listed = new Map<string, PickerQuestion>();
  for (const page of bank.data?.pages ?? []) for (const q of page.items) listed.set(q.id, q);
  // A chosen question beyond the pages loaded so far is fetched on its own, to name it.
  const unlistedIds = chosenIds.filter((id) => !listed.has(id));
  const unlisted = useQueries({
    queries: unlistedIds.map((id) => ({
      queryKey: ['bank-question', id],
      queryFn: () => api.bankQuestion(id),
      retry: false,
    })),
  });
  const missing = new Set<string>();
  unlisted.forEach((q, i) => {
    if (q.data) listed.set(q.data.id, q.data);
    else if (q.error) missing.add(unlistedIds[i]);
  });

  // Keep the chosen order; newly ticked questions go to the end.
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...chosenIds, id] : chosenIds.filter((q) => q !== id));
  const option = (q: PickerQuestion) => (
    <Checkbox
      key={q.id}
      checked={chosenIds.includes(q.id)}
      onChange={(e) => toggle(q.id, e.currentTarget.checked)}
      label={q.title || q.text.slice(0, 140)}
      description={q.type ? t(`quizSettings.type.${q.type}`) : undefined}
    />
  );
  const shown = bank.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0;

  return (
    <Stack gap="sm">
      <Text size="sm">{t('quizSettings.fixedCount', { count: chosenIds.length })}</Text>
      {chosenIds.length > 0 && (
        <Stack gap={6} component="section" aria-labelledby="chosen-questions">
          <Title order={3} size="h5" id="chosen-questions">
            {t('quizSettings.picker.chosen')}
          </Title>
          {chosenIds.map((id) => {
            const q = listed.get(id);
            if (q) return option(q);
            // Deleted from the bank since it was chosen: it can still be unticked.
            if (missing.has(id)) {
              return option({ id, title: t('quizSettings.picker.missing'), text: '', type: null });
            }
            return <Loading key={id} />;
          })}
        </Stack>
      )}
      <Stack gap={6} component="section" aria-labelledby="bank-questions">
        <Title order={3} size="h5" id="bank-questions">
          {t('quizSettings.picker.bank')}
        </Title>
        <TextInput
          label={t('quizSettings.picker.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          maxLength={200}
        />
        {bank.isPending ? (
          <Loading />
        ) : bank.error ? (
          <ErrorAlert error={bank.error} onRetry={() => void bank.refetch()} />
        ) : (
          <>
            {shown === 0 && (
              <Text size="sm" c="dimmed">
                {t(debounced ? 'quizSettings.picker.noMatch' : 'quizSettings.picker.empty')}
              </Text>
            )}
            {bank.data.pages.flatMap((p) => p.items).map(option)}
            {bank.hasNextPage && (
              <Button
                variant="default"
                onClick={() => void bank.fetchNextPage()}
                loading={bank.isFetchingNextPage}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('quizSettings.picker.more', { shown })}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Stack>
  );
}
