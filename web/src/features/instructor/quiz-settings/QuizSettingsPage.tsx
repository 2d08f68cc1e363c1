import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError, type QuizView } from '../../../app/api';
import { formatDateTimeInWords } from '../../../app/format';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';
import { FixedQuestionPicker } from './FixedQuestionPicker';
import { LeaveGuard } from './LeaveGuard';
import { REVIEW_FLAGS, reviewSentence, type ReviewSettings } from './review-sentence';
import {
  changedSettings,
  fieldOf,
  formFromQuiz,
  wibToIso,
  type SettingsForm,
} from './settings-form';

const REVIEW_MOMENTS = ['afterSubmit', 'afterClose'] as const;

type DrawProblem = { categoryId: string; wanted: number; found: number | null };

/** Which fields the server refused, and the categories lacking questions to draw. */
function serverProblems(error: unknown): { fields: Set<string>; draws: DrawProblem[] } {
  const fields = new Set<string>();
  let draws: DrawProblem[] = [];
  if (error instanceof ApiError) {
    const details = error.details as
      { field?: string; problems?: DrawProblem[] } | { field: string }[] | undefined;
    if (Array.isArray(details)) details.forEach((d) => fields.add(fieldOf(d.field)));
    else if (details?.field) fields.add(details.field);
    if (details && !Array.isArray(details) && details.problems) {
      draws = details.problems;
      fields.add('selection');
    }
    if (error.code === 'QUIZ_SETTINGS_INVALID' && fields.size === 0) fields.add('selection');
  }
  return { fields, draws };
}

export function QuizSettingsPage() {
  const { t } = useTranslation();
  const { quizId = '' } = useParams();
  const quiz = useQuery({
    queryKey: ['author-quiz', quizId],
    queryFn: () => api.authorQuiz(quizId),
  });
  if (quiz.isPending) return <Loading />;
  if (quiz.error) return <ErrorAlert error={quiz.error} onRetry={() => void quiz.refetch()} />;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('quizSettings.title')}</Title>
        <Text c="dimmed">{quiz.data.title}</Text>
      </div>
      <Alert color={quiz.data.versionStatus === 'draft' ? 'blue' : 'yellow'} role="note">
        {quiz.data.versionStatus === 'draft'
          ? t('quizSettings.appliesDraft', { no: quiz.data.versionNo })
          : t('quizSettings.appliesFrozen', {
              no: quiz.data.versionNo,
              status: t(`instructorCourses.versionStatus.${quiz.data.versionStatus}`),
            })}
      </Alert>
      <Anchor component={Link} to={`/instructor/courses/${quiz.data.courseId}`}>
        {t('quizSettings.backToCourse')}
      </Anchor>
      <SettingsEditor quiz={quiz.data} />
    </Stack>
  );
}

function SettingsEditor({ quiz }: { quiz: QuizView }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(() => formFromQuiz(quiz));
  const [form, setForm] = useState(saved);
  const [justSaved, setJustSaved] = useState(false);
  const categories = useQuery({
    queryKey: ['bank-categories', quiz.courseId],
    queryFn: () => api.bankCategories(quiz.courseId),
  });
  const save = useMutation({
    mutationFn: () => api.updateQuiz(quiz.id, changedSettings(saved, form)),
    onSuccess: (updated) => {
      const next = formFromQuiz(updated);
      setSaved(next);
      setForm(next);
      setJustSaved(true);
      queryClient.setQueryData(['author-quiz', quiz.id], updated);
    },
  });
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);

  const problems = serverProblems(save.error);
  const fieldError = (field: string) =>
    problems.fields.has(field) ? t(`quizSettings.fieldErrors.${field}`) : undefined;
  // An edit answers the server's objections: they show again only if the next save fails.
  const edit = (change: (f: SettingsForm) => SettingsForm) => {
    if (save.error) save.reset();
    setForm(change);
  };
  // The window in words (WIB) under each field, whatever format the browser gives the input.
  const inWords = (local: string) => {
    const iso = wibToIso(local);
    return iso ? `${formatDateTimeInWords(i18n.language, iso)} WIB` : undefined;
  };
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) =>
    edit((f) => ({ ...f, [key]: value }));
  const setReview = (
    moment: keyof ReviewSettings,
    flag: (typeof REVIEW_FLAGS)[number],
    on: boolean,
  ) =>
    edit((f) => ({
      ...f,
      review: { ...f.review, [moment]: { ...f.review[moment], [flag]: on } },
    }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const selectionError = problems.draws.length
    ? t('quizSettings.fieldErrors.draws')
    : fieldError('selection');
  const sentence = reviewSentence(t, i18n.language, form.review, form.closeAt !== '');
  const drawTotal = Object.values(form.draws).reduce((sum, n) => sum + n, 0);

  return (
    <form onSubmit={submit} noValidate aria-label={t('quizSettings.formLabel')}>
      <LeaveGuard dirty={dirty && !save.isPending} />
      <Stack gap="lg">
        <Section id="general" title={t('quizSettings.general')}>
          <Stack gap="sm">
            <TextInput
              label={t('quizSettings.fields.title')}
              required
              value={form.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={fieldError('title')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={t('quizSettings.fields.timeLimit')}
                description={t('quizSettings.fields.timeLimitHint')}
                min={1}
                allowDecimal={false}
                value={form.timeLimitMinutes}
                onChange={(v) => set('timeLimitMinutes', v === '' ? '' : Number(v))}
                error={fieldError('timeLimitSeconds')}
              />
              <NumberInput
                label={t('quizSettings.fields.attempts')}
                description={t('quizSettings.fields.attemptsHint')}
                min={1}
                max={100}
                allowDecimal={false}
                value={form.attemptsAllowed}
                onChange={(v) => set('attemptsAllowed', v === '' ? '' : Number(v))}
                error={fieldError('attemptsAllowed')}
              />
              <NumberInput
                label={t('quizSettings.fields.passMark')}
                description={t('quizSettings.fields.passMarkHint')}
                required
                allowDecimal={false}
                suffix=" %"
                value={form.passingPercent}
                onChange={(v) => set('passingPercent', v === '' ? '' : Number(v))}
                error={fieldError('passingPercent')}
              />
              <NativeSelect
                label={t('quizSettings.fields.gradingMethod')}
                description={t('quizSettings.fields.gradingMethodHint')}
                value={form.gradingMethod}
                onChange={(e) =>
                  set('gradingMethod', e.currentTarget.value as SettingsForm['gradingMethod'])
                }
                data={[
                  { value: 'highest', label: t('quizSettings.gradingMethod.highest') },
                  { value: 'last', label: t('quizSettings.gradingMethod.last') },
                ]}
              />
            </SimpleGrid>
          </Stack>
        </Section>

        <Section id="window" title={t('quizSettings.window')}>
          <Text size="sm" c="dimmed" mb="sm">
            {t('quizSettings.windowHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="datetime-local"
              label={t('quizSettings.fields.openAt')}
              description={inWords(form.openAt)}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={form.openAt}
              onChange={(e) => set('openAt', e.currentTarget.value)}
              error={fieldError('openAt')}
            />
            <TextInput
              type="datetime-local"
              label={t('quizSettings.fields.closeAt')}
              description={inWords(form.closeAt)}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              value={form.closeAt}
              onChange={(e) => set('closeAt', e.currentTarget.value)}
              error={fieldError('closeAt')}
            />
          </SimpleGrid>
        </Section>

        <Section id="questions" title={t('quizSettings.questions')}>
          <Stack gap="sm">
            <SegmentedControl
              aria-label={t('quizSettings.modeLabel')}
              value={form.mode}
              onChange={(v) => set('mode', v as SettingsForm['mode'])}
              data={[
                { value: 'fixed', label: t('quizSettings.mode.fixed') },
                { value: 'random', label: t('quizSettings.mode.random') },
              ]}
              style={{ alignSelf: 'flex-start' }}
            />
            {selectionError && (
              <Alert color="red" role="alert">
                {selectionError}
              </Alert>
            )}
            {form.mode === 'random' ? (
              <RandomDraws
                form={form}
                categories={categories}
                problems={problems.draws}
                onChange={(categoryId, count) =>
                  set('draws', { ...form.draws, [categoryId]: count })
                }
              />
            ) : (
              <FixedQuestionPicker
                courseId={quiz.courseId}
                chosenIds={form.questionIds}
                onChange={(ids) => set('questionIds', ids)}
              />
            )}
            {form.mode === 'random' && (
              <Text size="sm" data-testid="draw-total">
                {t('quizSettings.drawTotal', { count: drawTotal })}
              </Text>
            )}
            <Group gap="lg">
              <Checkbox
                label={t('quizSettings.fields.shuffleQuestions')}
                checked={form.shuffleQuestions}
                onChange={(e) => set('shuffleQuestions', e.currentTarget.checked)}
              />
              <Checkbox
                label={t('quizSettings.fields.shuffleAnswers')}
                checked={form.shuffleAnswers}
                onChange={(e) => set('shuffleAnswers', e.currentTarget.checked)}
              />
            </Group>
          </Stack>
        </Section>

        <Section id="review" title={t('quizSettings.review.title')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
            {REVIEW_MOMENTS.map((moment) => (
              <Checkbox.Group
                key={moment}
                label={t(`quizSettings.review.${moment}`)}
                value={REVIEW_FLAGS.filter((f) => form.review[moment][f])}
                onChange={(on) => REVIEW_FLAGS.forEach((f) => setReview(moment, f, on.includes(f)))}
              >
                <Stack gap={6} mt={6}>
                  {REVIEW_FLAGS.map((flag) => (
                    <Checkbox
                      key={flag}
                      value={flag}
                      label={t(`quizSettings.review.flag.${flag}`)}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            ))}
          </SimpleGrid>
          <Alert color="blue" variant="light" title={t('quizSettings.review.learnerSees')}>
            <Text data-testid="review-sentence" aria-live="polite">
              {sentence}
            </Text>
          </Alert>
        </Section>

        {save.error && !(save.error instanceof ApiError && problems.fields.size > 0) && (
          <ErrorAlert error={save.error} />
        )}
        {save.error && problems.fields.size > 0 && (
          <Alert color="red" role="alert">
            {t('quizSettings.fixFields')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!dirty}>
            {t('quizSettings.save')}
          </Button>
          {dirty ? (
            <Button variant="default" onClick={() => setForm(saved)}>
              {t('quizSettings.discard')}
            </Button>
          ) : null}
          <Text size="sm" role="status">
            {justSaved ? t('quizSettings.saved') : dirty ? t('quizSettings.unsaved') : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

/** A titled block of the form: a region named by its heading. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={`settings-${id}`}>
      <Title order={2} size="h3" id={`settings-${id}`} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function RandomDraws({
  form,
  categories,
  problems,
  onChange,
}: {
  form: SettingsForm;
  categories: ReturnType<typeof useQuery<Awaited<ReturnType<typeof api.bankCategories>>>>;
  problems: DrawProblem[];
  onChange: (categoryId: string, count: number) => void;
}) {
  const { t } = useTranslation();
  if (categories.isPending) return <Loading />;
  if (categories.error) {
    return <ErrorAlert error={categories.error} onRetry={() => void categories.refetch()} />;
  }
  if (categories.data.items.length === 0) return <Text>{t('quizSettings.noCategories')}</Text>;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table withTableBorder verticalSpacing="xs">
        <Table.Caption>{t('quizSettings.drawsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('quizSettings.category')}</Table.Th>
            <Table.Th scope="col">{t('quizSettings.holds')}</Table.Th>
            <Table.Th scope="col" w={180}>
              {t('quizSettings.draw')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {categories.data.items.map((c) => {
            const problem = problems.find((p) => p.categoryId === c.id);
            return (
              <Table.Tr key={c.id} data-category={c.id}>
                <Table.Th scope="row" fw={500}>
                  {c.name}
                </Table.Th>
                <Table.Td data-cell="holds">
                  {t('quizSettings.questionCount', { count: c.questions })}
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={t('quizSettings.drawFrom', { name: c.name })}
                    min={0}
                    max={c.questions}
                    allowDecimal={false}
                    value={form.draws[c.id] ?? 0}
                    onChange={(v) => onChange(c.id, v === '' ? 0 : Number(v))}
                    error={
                      problem ? t('quizSettings.tooFew', { count: problem.found ?? 0 }) : undefined
                    }
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
