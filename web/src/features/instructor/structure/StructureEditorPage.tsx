import { Alert, Button, Grid, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useParams, useSearchParams } from 'react-router';
import { api, type CourseView, type LessonView, type ModuleView } from '../../../app/api';
import { localized } from '../../../app/format';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';
import { ConfirmModal } from '../../hr/ConfirmModal';
import { CourseNav } from '../CourseNav';
import { LessonEditor } from './LessonEditor';
import { MoveLessonControl } from './MoveLessonControl';
import { inOrder } from './order';
import { ModuleActionButtons, StructureOutline } from './StructureOutline';
import { TitlesModal, type TitlesValue } from './TitlesModal';

const structureKey = (courseId: string) => ['instructor-structure', 'course', courseId] as const;

type Dialog =
  | { kind: 'addModule' }
  | { kind: 'renameModule'; module: ModuleView }
  | { kind: 'deleteModule'; module: ModuleView }
  | { kind: 'addLesson'; module: ModuleView }
  | { kind: 'deleteLesson'; lesson: LessonView }
  | null;

/** Leaving the page, or switching lesson, with unsaved lesson edits asks first. */
function useUnsavedGuard() {
  const dirty = useRef(false);
  const [dirtyNow, setDirtyNow] = useState(false);
  const setDirty = useCallback((value: boolean) => {
    dirty.current = value;
    setDirtyNow(value);
  }, []);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty.current &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!dirtyNow) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirtyNow]);
  return { blocker, setDirty };
}

/** Modules and lessons of the course's draft version: add, edit, reorder, delete. */
export function StructureEditorPage() {
  const { courseId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const selectedId = searchParams.get('lesson');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pickedInOutline, setPickedInOutline] = useState(false);
  const { blocker, setDirty } = useUnsavedGuard();
  const key = structureKey(courseId);
  const course = useQuery({ queryKey: key, queryFn: () => api.course(courseId) });

  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const patchModules = (change: (modules: ModuleView[]) => ModuleView[]) =>
    queryClient.setQueryData<CourseView>(key, (old) =>
      old?.draft?.modules
        ? { ...old, draft: { ...old.draft, modules: change(old.draft.modules) } }
        : old,
    );
  const select = (lessonId: string | null) =>
    setSearchParams(lessonId ? { lesson: lessonId } : {}, { replace: false });

  const createDraft = useMutation({
    mutationFn: () => api.structureCreateDraft(courseId),
    onSuccess: (view) => queryClient.setQueryData(key, view),
  });
  const sequential = useMutation({
    mutationFn: (on: boolean) => api.structureSetSequential(courseId, on),
    onSuccess: (view) => queryClient.setQueryData(key, view),
  });
  const reorder = useMutation({
    mutationFn: (
      change:
        { kind: 'modules'; ids: string[] } | { kind: 'lessons'; moduleId: string; ids: string[] },
    ) =>
      change.kind === 'modules'
        ? api.reorderModules(courseId, change.ids)
        : api.reorderLessons(courseId, change.moduleId, change.ids),
    onMutate: (change) =>
      patchModules((modules) =>
        change.kind === 'modules'
          ? inOrder(modules, change.ids)
          : modules.map((m) =>
              m.id === change.moduleId ? { ...m, lessons: inOrder(m.lessons, change.ids) } : m,
            ),
      ),
    onSettled: refresh,
  });
  const saveModule = useMutation({
    mutationFn: ({ moduleId, titles }: { moduleId?: string; titles: TitlesValue }) => {
      const body = { titleId: titles.titleId, titleEn: titles.titleEn };
      return moduleId ? api.updateModule(courseId, moduleId, body) : api.addModule(courseId, body);
    },
    onSuccess: async () => {
      await refresh();
      setDialog(null);
    },
  });
  const addLesson = useMutation({
    mutationFn: ({ moduleId, titles }: { moduleId: string; titles: TitlesValue }) =>
      api.addLesson(courseId, moduleId, {
        type: titles.type,
        titleId: titles.titleId,
        titleEn: titles.titleEn,
      }),
    onSuccess: async (lesson) => {
      await refresh();
      setDialog(null);
      select(lesson.id);
    },
  });
  const remove = useMutation({
    mutationFn: (what: { moduleId: string } | { lessonId: string }) =>
      'moduleId' in what
        ? api.deleteModule(courseId, what.moduleId)
        : api.deleteLesson(courseId, what.lessonId),
    onSuccess: async (_, what) => {
      const modules = course.data?.draft?.modules ?? [];
      const removedSelected =
        'lessonId' in what
          ? what.lessonId === selectedId
          : modules.find((m) => m.id === what.moduleId)?.lessons.some((l) => l.id === selectedId);
      if (removedSelected) {
        setDirty(false); // its edits went with it, as the confirmation said
        select(null);
      }
      await refresh();
      setDialog(null);
    },
  });
  const onLessonSaved = (saved: LessonView) =>
    patchModules((modules) =>
      modules.map((m) =>
        m.id === saved.moduleId
          ? { ...m, lessons: m.lessons.map((l) => (l.id === saved.id ? saved : l)) }
          : m,
      ),
    );

  if (course.isPending) return <Loading />;
  if (course.error)
    return <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />;
  const view = course.data;
  const draft = view.draft;
  const courseTitle = localized(
    i18n.language,
    draft ?? view.published ?? { titleId: '', titleEn: '' },
  );
  const modules = draft?.modules ?? [];
  const lessons = modules.flatMap((m) => m.lessons);
  const selected = lessons.find((l) => l.id === selectedId) ?? null;
  const titleOf = (item: { titleId: string; titleEn: string }) => localized(i18n.language, item);
  const closeDialog = () => {
    setDialog(null);
    saveModule.reset();
    addLesson.reset();
    remove.reset();
  };

  const header = (
    <Stack gap="xs">
      <Title order={1}>{t('instructorStructure.title')}</Title>
      <Text>{t('instructorStructure.course', { title: courseTitle, code: view.code })}</Text>
      <CourseNav courseId={courseId} />
    </Stack>
  );

  if (draft === undefined) {
    return (
      <Stack gap="md">
        {header}
        <Alert color="red" role="alert">
          {t('instructorStructure.notStaff')}
        </Alert>
      </Stack>
    );
  }
  if (draft === null) {
    return (
      <Stack gap="md">
        {header}
        <Alert color="blue" title={t('instructorStructure.noDraft.title')}>
          <Stack gap="sm" align="flex-start">
            <span>{t('instructorStructure.noDraft.text')}</span>
            <Button onClick={() => createDraft.mutate()} loading={createDraft.isPending}>
              {t('instructorStructure.noDraft.create')}
            </Button>
          </Stack>
        </Alert>
        {createDraft.error && <ErrorAlert error={createDraft.error} />}
      </Stack>
    );
  }

  const lessonCount = (module: ModuleView) => module.lessons.length;
  return (
    <Stack gap="md">
      {header}
      <Text size="sm">{t('instructorStructure.draftNote', { version: draft.versionNo })}</Text>
      <Paper withBorder p="sm">
        <Switch
          label={t('instructorStructure.sequential.label')}
          description={t('instructorStructure.sequential.hint')}
          checked={sequential.isPending ? sequential.variables : draft.sequential}
          disabled={sequential.isPending}
          onChange={(e) => sequential.mutate(e.currentTarget.checked)}
        />
        {sequential.error && <ErrorAlert error={sequential.error} />}
      </Paper>
      {reorder.error && <ErrorAlert error={reorder.error} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm" component="nav" aria-label={t('instructorStructure.outline.label')}>
            <Group justify="space-between">
              <Title order={2} fz="h4">
                {t('instructorStructure.outline.title')}
              </Title>
              <Button size="compact-md" onClick={() => setDialog({ kind: 'addModule' })}>
                {t('instructorStructure.outline.addModule')}
              </Button>
            </Group>
            {modules.length === 0 ? (
              <Text>{t('instructorStructure.outline.empty')}</Text>
            ) : (
              <>
                <Text size="xs" c="gray.7">
                  {t('instructorStructure.outline.howToMove')}
                </Text>
                <StructureOutline
                  modules={modules}
                  selectedLessonId={selected?.id ?? null}
                  onSelectLesson={(lessonId) => {
                    setPickedInOutline(true);
                    select(lessonId);
                  }}
                  onReorderModules={(ids) => reorder.mutate({ kind: 'modules', ids })}
                  onReorderLessons={(moduleId, ids) =>
                    reorder.mutate({ kind: 'lessons', moduleId, ids })
                  }
                  moduleActions={(module) => (
                    <ModuleActionButtons
                      title={titleOf(module)}
                      onAddLesson={() => setDialog({ kind: 'addLesson', module })}
                      onRename={() => setDialog({ kind: 'renameModule', module })}
                      onDelete={() => setDialog({ kind: 'deleteModule', module })}
                    />
                  )}
                />
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          {selected ? (
            <Stack gap="sm">
              <MoveLessonControl
                key={`move-${selected.id}`}
                courseId={courseId}
                lesson={selected}
                modules={modules}
                onMoved={refresh}
              />
              <LessonEditor
                key={selected.id}
                courseId={courseId}
                lesson={selected}
                sequential={draft.sequential}
                focusTitle={pickedInOutline}
                onSaved={onLessonSaved}
                onDirtyChange={setDirty}
                onDelete={() => setDialog({ kind: 'deleteLesson', lesson: selected })}
              />
            </Stack>
          ) : (
            <Paper withBorder p="md">
              <Text>
                {lessons.length
                  ? t('instructorStructure.editor.pick')
                  : t('instructorStructure.editor.noLessons')}
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>

      <TitlesModal
        opened={dialog?.kind === 'addModule' || dialog?.kind === 'renameModule'}
        title={
          dialog?.kind === 'renameModule'
            ? t('instructorStructure.moduleForm.renameTitle', { title: titleOf(dialog.module) })
            : t('instructorStructure.moduleForm.addTitle')
        }
        submitLabel={
          dialog?.kind === 'renameModule'
            ? t('instructorStructure.common.save')
            : t('instructorStructure.moduleForm.add')
        }
        initial={dialog?.kind === 'renameModule' ? dialog.module : undefined}
        busy={saveModule.isPending}
        error={saveModule.error}
        onSubmit={(titles) =>
          saveModule.mutate({
            moduleId: dialog?.kind === 'renameModule' ? dialog.module.id : undefined,
            titles,
          })
        }
        onClose={closeDialog}
      />
      <TitlesModal
        opened={dialog?.kind === 'addLesson'}
        title={
          dialog?.kind === 'addLesson'
            ? t('instructorStructure.lessonForm.title', { module: titleOf(dialog.module) })
            : ''
        }
        submitLabel={t('instructorStructure.lessonForm.add')}
        withType
        busy={addLesson.isPending}
        error={addLesson.error}
        onSubmit={(titles) =>
          dialog?.kind === 'addLesson' && addLesson.mutate({ moduleId: dialog.module.id, titles })
        }
        onClose={closeDialog}
      />
      <ConfirmModal
        opened={dialog?.kind === 'deleteModule'}
        title={
          dialog?.kind === 'deleteModule'
            ? t('instructorStructure.deleteModule.title', { title: titleOf(dialog.module) })
            : ''
        }
        message={
          dialog?.kind === 'deleteModule'
            ? lessonCount(dialog.module) === 0
              ? t('instructorStructure.deleteModule.messageEmpty', {
                  title: titleOf(dialog.module),
                })
              : t('instructorStructure.deleteModule.message', {
                  title: titleOf(dialog.module),
                  lessons: t(
                    lessonCount(dialog.module) === 1
                      ? 'instructorStructure.common.lessonsOne'
                      : 'instructorStructure.common.lessons',
                    { count: lessonCount(dialog.module) },
                  ),
                })
            : ''
        }
        confirmLabel={t('instructorStructure.deleteModule.confirm')}
        danger
        busy={remove.isPending}
        onConfirm={() =>
          dialog?.kind === 'deleteModule' && remove.mutate({ moduleId: dialog.module.id })
        }
        onCancel={closeDialog}
      />
      <ConfirmModal
        opened={dialog?.kind === 'deleteLesson'}
        title={
          dialog?.kind === 'deleteLesson'
            ? t('instructorStructure.deleteLesson.title', { title: titleOf(dialog.lesson) })
            : ''
        }
        message={
          dialog?.kind === 'deleteLesson'
            ? t(`instructorStructure.deleteLesson.message.${dialog.lesson.type}`, {
                title: titleOf(dialog.lesson),
              })
            : ''
        }
        confirmLabel={t('instructorStructure.deleteLesson.confirm')}
        danger
        busy={remove.isPending}
        onConfirm={() =>
          dialog?.kind === 'deleteLesson' && remove.mutate({ lessonId: dialog.lesson.id })
        }
        onCancel={closeDialog}
      />
      {remove.error && <ErrorAlert error={remove.error} />}
      <ConfirmModal
        opened={blocker.state === 'blocked'}
        title={t('instructorStructure.leave.title')}
        message={t('instructorStructure.leave.message', {
          title: selected ? titleOf(selected) : '',
        })}
        confirmLabel={t('instructorStructure.leave.discard')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      />
    </Stack>
  );
}
