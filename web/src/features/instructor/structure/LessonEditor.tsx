import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type LessonView } from '../../../app/api';
import { localized } from '../../../app/format';
import { ErrorAlert } from '../../common/ErrorAlert';
import { draftOf, draftProblems, isDirty, updateOf, type LessonDraft } from './lesson-draft';
import { LessonFileField } from './LessonFileField';
import { MarkdownField } from './MarkdownField';
import { LESSON_TYPE_COLORS } from './StructureOutline';
import { useDeviceDraft } from '../../common/device-draft';

/**
 * One lesson's form: titles, the completion rules (required, minimum time) and the fields of its
 * type. Mounted per lesson (keyed by id), so switching lessons starts from the saved lesson;
 * the page warns before unsaved edits are dropped.
 */
export function LessonEditor({
  courseId,
  lesson,
  sequential,
  focusTitle,
  onSaved,
  onDirtyChange,
  onDelete,
}: {
  courseId: string;
  lesson: LessonView;
  sequential: boolean;
  /** Picked in the outline: take the focus (and the scroll, below the outline on tablets). */
  focusTitle: boolean;
  onSaved: (lesson: LessonView) => void;
  onDirtyChange: (dirty: boolean) => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<LessonDraft>(() => draftOf(lesson));
  const [tried, setTried] = useState(false);
  const dirty = isDirty(lesson, draft);
  const deviceDraft = useDeviceDraft(`lesson:${lesson.id}`, draft, dirty, setDraft);
  const problems = draftProblems(lesson.type, draft);
  const save = useMutation({
    mutationFn: () => api.updateLesson(courseId, lesson.id, updateOf(lesson.type, draft)),
    onSuccess: (saved) => {
      deviceDraft.discard();
      onSaved(saved);
    },
  });

  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) titleRef.current?.focus();
  }, [focusTitle]);
  useEffect(() => {
    onDirtyChange(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);

  const set = <K extends keyof LessonDraft>(key: K, value: LessonDraft[K]) => {
    save.reset();
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const problem = (key: Parameters<typeof problems.includes>[0]) =>
    tried && problems.includes(key) ? t(`instructorStructure.problems.${key}`) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problems.length === 0) save.mutate();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lesson-editor-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
              <Badge color={LESSON_TYPE_COLORS[lesson.type]} variant="filled">
                {t(`instructorStructure.types.${lesson.type}`)}
              </Badge>
              <Title
                order={2}
                fz="h3"
                id="lesson-editor-title"
                ref={titleRef}
                tabIndex={-1}
                style={{ overflowWrap: 'anywhere' }}
              >
                {localized(i18n.language, lesson)}
              </Title>
            </Stack>
            <Button variant="light" color="red" onClick={onDelete}>
              {t('instructorStructure.editor.delete')}
            </Button>
          </Group>
          {deviceDraft.notice}
          <TextInput
            label={t('instructorStructure.fields.titleId')}
            value={draft.titleId}
            onChange={(e) => set('titleId', e.currentTarget.value)}
            maxLength={300}
            required
            error={problem('titleId')}
          />
          <TextInput
            label={t('instructorStructure.fields.titleEn')}
            value={draft.titleEn}
            onChange={(e) => set('titleEn', e.currentTarget.value)}
            maxLength={300}
            required
            error={problem('titleEn')}
          />

          <Divider label={t('instructorStructure.editor.rules')} labelPosition="left" />
          <Checkbox
            label={t('instructorStructure.fields.required')}
            description={t(
              sequential
                ? 'instructorStructure.fields.requiredSequential'
                : 'instructorStructure.fields.requiredHint',
            )}
            checked={draft.required}
            onChange={(e) => set('required', e.currentTarget.checked)}
          />
          <Switch
            label={t('instructorStructure.fields.customMinTime')}
            description={t(`instructorStructure.fields.derivedMinTime.${lesson.type}`)}
            checked={draft.customMinTime}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setDraft((d) => ({
                ...d,
                customMinTime: on,
                minMinutes: on ? d.minMinutes || 0 : '',
              }));
            }}
          />
          {draft.customMinTime && (
            <NumberInput
              label={t('instructorStructure.fields.minMinutes')}
              description={t('instructorStructure.fields.minMinutesHint')}
              value={draft.minMinutes}
              onChange={(v) =>
                set('minMinutes', typeof v === 'number' ? v : v === '' ? '' : Number(v))
              }
              min={0}
              max={1440}
              decimalScale={2}
              decimalSeparator={i18n.language === 'en' ? '.' : ','}
              w={{ base: '100%', xs: 240 }}
              error={problem('minMinutes')}
            />
          )}

          <Divider label={t('instructorStructure.editor.content')} labelPosition="left" />
          {lesson.type === 'text' && (
            <MarkdownField value={draft.markdown} onChange={(v) => set('markdown', v)} />
          )}
          {lesson.type === 'video' && (
            <>
              <TextInput
                label={t('instructorStructure.fields.videoUrl')}
                description={t('instructorStructure.fields.videoUrlHint')}
                type="url"
                inputMode="url"
                value={draft.videoUrl}
                onChange={(e) => set('videoUrl', e.currentTarget.value)}
                maxLength={2000}
                error={problem('videoUrl')}
              />
              <NumberInput
                label={t('instructorStructure.fields.durationSeconds')}
                description={t('instructorStructure.fields.durationHint')}
                value={draft.durationSeconds}
                onChange={(v) =>
                  set('durationSeconds', typeof v === 'number' ? v : v === '' ? '' : Number(v))
                }
                min={1}
                max={86400}
                allowDecimal={false}
                w={{ base: '100%', xs: 240 }}
                error={problem('durationSeconds')}
              />
            </>
          )}
          {lesson.type === 'file' && (
            <LessonFileField courseId={courseId} lesson={lesson} onUploaded={onSaved} />
          )}
          {lesson.type === 'quiz' && (
            <Stack gap={4}>
              {lesson.quizId ? (
                <>
                  <Text size="sm">{t('instructorStructure.quiz.attached')}</Text>
                  <Anchor component={Link} to={`/instructor/quizzes/${lesson.quizId}/settings`}>
                    {t('instructorStructure.quiz.settings')}
                  </Anchor>
                </>
              ) : (
                <>
                  <Text size="sm">{t('instructorStructure.quiz.none')}</Text>
                  <Anchor component={Link} to={`/instructor/courses/${courseId}/question-bank`}>
                    {t('instructorStructure.quiz.bank')}
                  </Anchor>
                </>
              )}
            </Stack>
          )}

          {save.error && <ErrorAlert error={save.error} />}
          <Group justify="flex-end" gap="sm">
            <Text size="sm" role="status" c={dirty ? 'red.9' : undefined}>
              {dirty
                ? t('instructorStructure.editor.unsaved')
                : save.isSuccess
                  ? t('instructorStructure.editor.saved')
                  : ''}
            </Text>
            <Button
              variant="default"
              disabled={!dirty || save.isPending}
              onClick={() => {
                setDraft(draftOf(lesson));
                setTried(false);
                save.reset();
              }}
            >
              {t('instructorStructure.editor.discard')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              {t('instructorStructure.editor.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
