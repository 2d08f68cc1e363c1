import {
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type QuestionView } from '../../../app/api';
import { useDownload } from '../../../app/use-download';
import { CursorPager } from '../../common/CursorPager';
import { DownloadButtons } from '../../common/DownloadButtons';
import { Loading } from '../../common/Loading';
import { ConfirmModal } from '../../hr/ConfirmModal';
import { CourseNav } from '../CourseNav';
import { BankErrorAlert } from './BankErrorAlert';
import { CategoryTree } from './CategoryTree';
import { QUESTION_TYPES } from './question-form';
import { QuestionEditor } from './QuestionEditor';
import { QuestionPreviewModal } from './QuestionPreviewModal';

const PAGE_SIZE = '20';
/** List filters kept in the URL, so a reload or the back button keeps them. */
const FILTERS = ['categoryId', 'type', 'search', 'tag', 'cursor'] as const;

/** The first words of a question's text without markup, for the list. */
function excerpt(text: string): string {
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/[*_`#>[\]()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 160 ? `${plain.slice(0, 157)}…` : plain;
}

/**
 * A course's question bank: the category tree, the filtered keyset-paged list, the editor for
 * every question type (`?edit=new` or `?edit=<id>`), the learner preview, import and export.
 */
export function QuestionBankPage() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [searchText, setSearchText] = useState(params.get('search') ?? '');
  const [tagText, setTagText] = useState(params.get('tag') ?? '');
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<QuestionView | null>(null);
  const download = useDownload();
  const editing = params.get('edit');
  const tagFilter = params.get('tag');
  const categoryId = params.get('categoryId');

  const course = useQuery({ queryKey: ['course', courseId], queryFn: () => api.course(courseId) });
  const categories = useQuery({
    queryKey: ['bank', courseId, 'categories'],
    queryFn: () => api.bankCategories(courseId),
  });
  const listParams = new URLSearchParams({ limit: PAGE_SIZE });
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) listParams.set(key, value);
  }
  const questions = useQuery({
    queryKey: ['bank', courseId, 'questions', listParams.toString()],
    queryFn: () => api.bankQuestions(courseId, listParams),
    enabled: !editing,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteBankQuestion(id),
    onSuccess: async () => {
      setDeleting(null);
      await queryClient.invalidateQueries({ queryKey: ['bank', courseId] });
    },
  });

  /** Changes list filters; any filter change starts again at the first page. */
  const filter = (changes: Partial<Record<(typeof FILTERS)[number] | 'edit', string | null>>) => {
    // From the address bar, not this render: a navigation still rendering must not be undone.
    const next = new URLSearchParams(window.location.search);
    if (!('cursor' in changes)) next.delete('cursor');
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    filter({ search: searchText.trim() || null, tag: tagText.trim() || null });
  };
  const categoryName = (id: string | null) =>
    categories.data?.items.find((c) => c.id === id)?.name ?? t('questionBank.form.noCategory');
  const version = course.data?.draft ?? course.data?.published;
  const courseTitle = version ? (i18n.language === 'en' ? version.titleEn : version.titleId) : '';

  return (
    <Stack gap="md">
      <CourseNav courseId={courseId} />
      <Box>
        <Title order={1}>{t('questionBank.title')}</Title>
        {courseTitle && <Text c="dimmed">{courseTitle}</Text>}
      </Box>
      {editing ? (
        <QuestionEditor
          courseId={courseId}
          questionId={editing === 'new' ? null : editing}
          categories={categories.data?.items ?? []}
          defaultCategoryId={categoryId}
          onDone={(allowLeave) => {
            allowLeave();
            filter({ edit: null, cursor: params.get('cursor') });
          }}
        />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, sm: 4, lg: 3 }}>
            <Card
              withBorder
              padding="md"
              component="aside"
              aria-label={t('questionBank.categories.title')}
            >
              <Title order={2} size="h4" mb="xs">
                {t('questionBank.categories.title')}
              </Title>
              {categories.error ? (
                <BankErrorAlert
                  error={categories.error}
                  onRetry={() => void categories.refetch()}
                />
              ) : (
                <CategoryTree
                  courseId={courseId}
                  categories={categories.data?.items ?? []}
                  selected={categoryId}
                  onSelect={(id) => filter({ categoryId: id })}
                />
              )}
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8, lg: 9 }}>
            <Stack gap="md">
              <Group gap="sm" wrap="wrap">
                <Button onClick={() => filter({ edit: 'new', cursor: params.get('cursor') })}>
                  {t('questionBank.newQuestion')}
                </Button>
                <Button
                  component={Link}
                  to={`/instructor/courses/${courseId}/question-bank/import`}
                  variant="default"
                >
                  {t('questionBank.import')}
                </Button>
              </Group>
              <DownloadButtons
                label={t('questionBank.export.label')}
                state={download}
                choices={[
                  { kind: 'gift', label: t('questionBank.export.gift'), primary: true },
                  { kind: 'moodlexml', label: t('questionBank.export.moodlexml') },
                ]}
                onStart={(kind) =>
                  void download.start(
                    kind,
                    `/api/v1/courses/${courseId}/question-bank/export?format=${kind}`,
                    kind === 'gift' ? 'questions.gift.txt' : 'questions.xml',
                  )
                }
              />
              {download.error ? <BankErrorAlert error={download.error} /> : null}
              <form
                onSubmit={submitSearch}
                role="search"
                aria-label={t('questionBank.filters.label')}
              >
                <Group align="flex-end" wrap="wrap" gap="sm">
                  <NativeSelect
                    label={t('questionBank.filters.type')}
                    value={params.get('type') ?? ''}
                    onChange={(e) => filter({ type: e.currentTarget.value || null })}
                    data={[
                      { value: '', label: t('questionBank.filters.allTypes') },
                      ...QUESTION_TYPES.map((type) => ({
                        value: type,
                        label: t(`questionBank.types.${type}`),
                      })),
                    ]}
                    w={{ base: '100%', xs: 220 }}
                  />
                  <TextInput
                    label={t('questionBank.filters.search')}
                    type="search"
                    value={searchText}
                    onChange={(e) => setSearchText(e.currentTarget.value)}
                    maxLength={200}
                    style={{ flex: '1 1 200px' }}
                  />
                  <TextInput
                    label={t('questionBank.filters.tag')}
                    description={t('questionBank.filters.tagHint')}
                    value={tagText}
                    onChange={(e) => setTagText(e.currentTarget.value)}
                    maxLength={60}
                    w={{ base: '100%', xs: 180 }}
                  />
                  <Button type="submit" variant="light">
                    {t('questionBank.filters.apply')}
                  </Button>
                </Group>
              </form>
              {categoryId && (
                <Text size="sm">
                  {t('questionBank.filters.inCategory', { name: categoryName(categoryId) })}
                </Text>
              )}
              {tagFilter && (
                <Group gap="xs">
                  <Text size="sm">{t('questionBank.filters.withTag', { tag: tagFilter })}</Text>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => {
                      setTagText('');
                      filter({ tag: null });
                    }}
                  >
                    {t('questionBank.filters.clearTag')}
                  </Button>
                </Group>
              )}
              {questions.isPending ? (
                <Loading />
              ) : questions.error ? (
                <BankErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />
              ) : questions.data.items.length === 0 ? (
                <Text role="status">
                  {FILTERS.some((f) => params.get(f))
                    ? t('questionBank.list.noMatch')
                    : t('questionBank.list.empty')}
                </Text>
              ) : (
                <Stack
                  component="ul"
                  gap="sm"
                  p={0}
                  m={0}
                  style={{ listStyle: 'none' }}
                  aria-label={t('questionBank.list.label')}
                >
                  {questions.data.items.map((q) => (
                    <Card component="li" withBorder padding="sm" key={q.id} data-question={q.id}>
                      <Stack gap={6}>
                        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                          <Box style={{ flex: '1 1 280px', minWidth: 0 }}>
                            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                              {q.title || excerpt(q.text)}
                            </Text>
                            {q.title && (
                              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                                {excerpt(q.text)}
                              </Text>
                            )}
                          </Box>
                          <Badge variant="light" c="dark.8" tt="none">
                            {t(`questionBank.types.${q.type}`)}
                          </Badge>
                        </Group>
                        <Group gap="xs" wrap="wrap">
                          <Text size="sm" c="dimmed">
                            {categoryName(q.categoryId)}
                          </Text>
                          {q.tags.map((tag) => (
                            <Badge
                              key={tag}
                              component="button"
                              type="button"
                              variant="outline"
                              c="dark.8"
                              tt="none"
                              size="sm"
                              style={{ cursor: 'pointer' }}
                              aria-label={t('questionBank.filters.byTag', { tag })}
                              onClick={() => {
                                setTagText(tag);
                                filter({ tag });
                              }}
                            >
                              {tag}
                            </Badge>
                          ))}
                        </Group>
                        <Group gap="xs" wrap="wrap">
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setPreviewId(q.id)}
                            aria-label={t('questionBank.list.previewOf', {
                              title: q.title || excerpt(q.text),
                            })}
                          >
                            {t('questionBank.list.preview')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => filter({ edit: q.id, cursor: params.get('cursor') })}
                            aria-label={t('questionBank.list.editOf', {
                              title: q.title || excerpt(q.text),
                            })}
                          >
                            {t('questionBank.list.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => setDeleting(q)}
                            aria-label={t('questionBank.list.deleteOf', {
                              title: q.title || excerpt(q.text),
                            })}
                          >
                            {t('questionBank.list.delete')}
                          </Button>
                        </Group>
                      </Stack>
                    </Card>
                  ))}
                </Stack>
              )}
              <CursorPager
                onFirst={params.get('cursor') ? () => filter({ cursor: null }) : undefined}
                nextCursor={questions.data?.nextCursor}
                onNext={(cursor) => filter({ cursor })}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      <QuestionPreviewModal questionId={previewId} onClose={() => setPreviewId(null)} />
      <ConfirmModal
        opened={!!deleting}
        title={t('questionBank.delete.title')}
        message={t('questionBank.delete.message', {
          title: deleting ? deleting.title || excerpt(deleting.text) : '',
        })}
        confirmLabel={t('questionBank.delete.confirm')}
        danger
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onCancel={() => setDeleting(null)}
      />
      {remove.error && <BankErrorAlert error={remove.error} />}
    </Stack>
  );
}
