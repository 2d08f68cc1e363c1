import {
  Alert,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CategoryListView } from '../../../app/api';
import { Loading } from '../../common/Loading';
import { BankErrorAlert } from './BankErrorAlert';
import { LeaveGuardModal, useLeaveGuard } from '../../common/leave-guard';
import { useBankLeaveTexts } from './bank-leave-texts';
import {
  emptyForm,
  fieldProblemsOf,
  formFromQuestion,
  inputFromForm,
  QUESTION_TYPES,
  type FieldProblems,
  type QuestionForm,
  type QuestionType,
} from './question-form';
import { QuestionTypeFields, useProblemText } from './QuestionTypeFields';
import { useDeviceDraft } from '../../common/device-draft';

type Category = CategoryListView['items'][number];

/** Loads the question (when editing) and shows the form once it is there. */
export function QuestionEditor({
  courseId,
  questionId,
  categories,
  defaultCategoryId,
  onDone,
}: {
  courseId: string;
  questionId: string | null;
  categories: Category[];
  defaultCategoryId: string | null;
  onDone: (allowLeave: () => void) => void;
}) {
  const question = useQuery({
    queryKey: ['bank-question', questionId],
    queryFn: () => api.bankQuestion(questionId!),
    enabled: !!questionId,
    gcTime: 0,
  });
  if (questionId && question.isPending) return <Loading />;
  if (questionId && question.error) {
    return <BankErrorAlert error={question.error} onRetry={() => void question.refetch()} />;
  }
  const initial = question.data
    ? formFromQuestion(question.data)
    : emptyForm('single_choice', defaultCategoryId);
  return (
    <EditorForm
      key={questionId ?? 'new'}
      courseId={courseId}
      questionId={questionId}
      initial={initial}
      categories={categories}
      onDone={onDone}
    />
  );
}

function EditorForm({
  courseId,
  questionId,
  initial,
  categories,
  onDone,
}: {
  courseId: string;
  questionId: string | null;
  initial: QuestionForm;
  categories: Category[];
  onDone: (allowLeave: () => void) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(() => JSON.stringify(initial));
  const [form, setForm] = useState(initial);
  const [problems, setProblems] = useState<FieldProblems>({});
  const dirty = JSON.stringify(form) !== saved;
  const deviceDraft = useDeviceDraft(
    `question:${questionId ?? `new:${courseId}`}`,
    form,
    dirty,
    setForm,
  );
  const { blocker, allowNextLeave } = useLeaveGuard(dirty, { searchToo: true });
  const leaveTexts = useBankLeaveTexts();
  const problem = useProblemText(problems);
  const change = (patch: Partial<QuestionForm>) => setForm((f) => ({ ...f, ...patch }));

  const save = useMutation({
    mutationFn: () =>
      questionId
        ? api.updateBankQuestion(questionId, inputFromForm(form))
        : api.createBankQuestion(courseId, inputFromForm(form)),
    onSuccess: async () => {
      deviceDraft.discard();
      setProblems({});
      setSaved(JSON.stringify(form));
      await queryClient.invalidateQueries({ queryKey: ['bank', courseId] });
      onDone(allowNextLeave);
    },
    onError: (error) => setProblems(fieldProblemsOf(error) ?? {}),
  });

  // After a refused save, move the focus to the first field the server complained about.
  useEffect(() => {
    if (!Object.keys(problems).length) return;
    const first = document.querySelector<HTMLElement>(
      '[data-question-form] [aria-invalid="true"], [data-question-form] [data-field-problem]',
    );
    first?.focus?.();
    first?.scrollIntoView?.({ block: 'center' });
  }, [problems]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problemCount = Object.values(problems).reduce((n, list) => n + list.length, 0);
  const formProblem = problem('form');

  return (
    <Card withBorder padding="lg" radius="md">
      <form onSubmit={submit} noValidate data-question-form>
        <Stack gap="md">
          <Title order={2}>
            {questionId ? t('questionBank.form.editTitle') : t('questionBank.form.newTitle')}
          </Title>
          {deviceDraft.notice}
          {problemCount > 0 && (
            <Alert
              color="red"
              title={t('questionBank.form.problemsTitle', { count: problemCount })}
            >
              {t('questionBank.form.problemsHint')}
              {formProblem && <Text mt="xs">{formProblem}</Text>}
            </Alert>
          )}
          {save.error && !fieldProblemsOf(save.error) && <BankErrorAlert error={save.error} />}
          <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
            <NativeSelect
              label={t('questionBank.form.type')}
              value={form.type}
              disabled={!!questionId}
              description={questionId ? t('questionBank.form.typeFixed') : undefined}
              onChange={(e) => {
                change({ type: e.currentTarget.value as QuestionType });
                setProblems({});
              }}
              data={QUESTION_TYPES.map((type) => ({
                value: type,
                label: t(`questionBank.types.${type}`),
              }))}
              miw={220}
            />
            <NativeSelect
              label={t('questionBank.form.category')}
              value={form.categoryId ?? ''}
              onChange={(e) => change({ categoryId: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('questionBank.form.noCategory') },
                ...categories.map((c) => ({ value: c.id, label: c.name })),
              ]}
              error={problem('categoryId')}
              miw={220}
            />
          </Group>
          <TextInput
            label={t('questionBank.form.title')}
            description={t('questionBank.form.titleHint')}
            value={form.title}
            onChange={(e) => change({ title: e.currentTarget.value })}
            error={problem('title')}
          />
          <Textarea
            label={t('questionBank.form.text')}
            description={t('questionBank.form.textHint')}
            value={form.text}
            onChange={(e) => change({ text: e.currentTarget.value })}
            error={problem('text')}
            autosize
            minRows={3}
            required
          />
          <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
            <NumberInput
              label={t('questionBank.form.defaultMark')}
              value={form.defaultMark}
              onChange={(v) => change({ defaultMark: v })}
              error={problem('defaultMark')}
              min={0}
              max={1000}
              decimalScale={2}
              miw={160}
            />
            <TagsInput
              label={t('questionBank.form.tags')}
              description={t('questionBank.form.tagsHint')}
              value={form.tags}
              onChange={(tags) => change({ tags })}
              error={problem('tags')}
              miw={220}
            />
          </Group>
          <QuestionTypeFields form={form} onChange={change} problems={problems} />
          <Textarea
            label={t('questionBank.form.generalFeedback')}
            value={form.generalFeedback}
            onChange={(e) => change({ generalFeedback: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          <Group justify="flex-end" wrap="wrap">
            <Text size="sm" c="dimmed" role="status">
              {dirty ? t('questionBank.form.unsaved') : ''}
            </Text>
            <Button variant="default" onClick={() => onDone(() => undefined)}>
              {t('questionBank.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('questionBank.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <LeaveGuardModal blocker={blocker} texts={leaveTexts} />
    </Card>
  );
}
