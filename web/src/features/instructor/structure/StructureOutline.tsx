import { Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonView, ModuleView } from '../../../app/api';
import { formatDuration, localized } from '../../../app/format';
import { DragHandle, ReorderList } from './reorder-dnd';

/** Filled, dark shades: white text keeps a 4.5:1 contrast. */
export const LESSON_TYPE_COLORS: Record<LessonView['type'], string> = {
  text: 'blue.9',
  video: 'grape.9',
  file: 'teal.9',
  quiz: 'indigo.9',
};

function useSortableStyle(id: string) {
  const sortable = useSortable({ id });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
    position: 'relative',
    zIndex: sortable.isDragging ? 2 : undefined,
    opacity: sortable.isDragging ? 0.85 : undefined,
  };
  return { ...sortable, style };
}

function LessonRow({
  lesson,
  selected,
  onSelect,
}: {
  lesson: LessonView;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t, i18n } = useTranslation();
  const title = localized(i18n.language, lesson);
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, style } = useSortableStyle(
    lesson.id,
  );
  return (
    <Group
      ref={setNodeRef}
      style={{
        ...style,
        background: selected ? 'var(--mantine-color-blue-0)' : 'var(--mantine-color-white)',
        border: `1px solid var(${selected ? '--mantine-color-blue-6' : '--mantine-color-gray-3'})`,
        borderRadius: 6,
      }}
      gap={4}
      wrap="nowrap"
      px={4}
      py={2}
      data-lesson={lesson.id}
    >
      <DragHandle
        ref={setActivatorNodeRef}
        {...attributes}
        {...listeners}
        aria-label={t('instructorStructure.outline.moveLesson', { title })}
      />
      <UnstyledButton
        onClick={onSelect}
        data-select-lesson={lesson.id}
        aria-current={selected ? 'true' : undefined}
        style={{ flex: 1, minWidth: 0 }}
        py={4}
      >
        <Group gap={6} wrap="nowrap">
          <Badge color={LESSON_TYPE_COLORS[lesson.type]} variant="filled" size="sm" miw={58}>
            {t(`instructorStructure.types.${lesson.type}`)}
          </Badge>
          <Text size="sm" fw={selected ? 700 : 500} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Text>
        </Group>
        <Text size="xs" c="gray.7" mt={2}>
          {[
            lesson.required
              ? t('instructorStructure.outline.required')
              : t('instructorStructure.outline.optional'),
            lesson.minSeconds === null
              ? t('instructorStructure.outline.minTimeDerived')
              : t('instructorStructure.outline.minTime', {
                  time: formatDuration(t, lesson.minSeconds),
                }),
          ].join(' · ')}
        </Text>
      </UnstyledButton>
    </Group>
  );
}

function ModuleCard({
  module,
  number,
  selectedLessonId,
  onSelectLesson,
  onReorderLessons,
  actions,
}: {
  module: ModuleView;
  number: number;
  selectedLessonId: string | null;
  onSelectLesson: (lessonId: string) => void;
  onReorderLessons: (ids: string[]) => void;
  actions: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const title = localized(i18n.language, module);
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, style } = useSortableStyle(
    module.id,
  );
  return (
    <Paper
      ref={setNodeRef}
      style={style}
      withBorder
      p="sm"
      component="section"
      aria-label={t('instructorStructure.outline.moduleLabel', { number, title })}
      data-module={module.id}
    >
      <Stack gap="xs">
        <Group gap={4} wrap="nowrap" align="flex-start">
          <DragHandle
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t('instructorStructure.outline.moveModule', { title })}
          />
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
              {t('instructorStructure.outline.moduleTitle', { number, title })}
            </Title>
            <Text size="xs" c="gray.7">
              {t(
                module.lessons.length === 1
                  ? 'instructorStructure.common.lessonsOne'
                  : 'instructorStructure.common.lessons',
                { count: module.lessons.length },
              )}
            </Text>
          </Stack>
        </Group>
        {module.lessons.length > 0 && (
          <ReorderList
            kind="lesson"
            items={module.lessons.map((l) => ({ id: l.id, title: localized(i18n.language, l) }))}
            onReorder={onReorderLessons}
          >
            <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
              {module.lessons.map((lesson) => (
                <li key={lesson.id}>
                  <LessonRow
                    lesson={lesson}
                    selected={lesson.id === selectedLessonId}
                    onSelect={() => onSelectLesson(lesson.id)}
                  />
                </li>
              ))}
            </Stack>
          </ReorderList>
        )}
        {actions}
      </Stack>
    </Paper>
  );
}

/** The modules of the draft in order, each with its lessons; both lists reorder by drag or keys. */
export function StructureOutline({
  modules,
  selectedLessonId,
  onSelectLesson,
  onReorderModules,
  onReorderLessons,
  moduleActions,
}: {
  modules: ModuleView[];
  selectedLessonId: string | null;
  onSelectLesson: (lessonId: string) => void;
  onReorderModules: (ids: string[]) => void;
  onReorderLessons: (moduleId: string, ids: string[]) => void;
  moduleActions: (module: ModuleView) => ReactNode;
}) {
  const { i18n } = useTranslation();
  return (
    <ReorderList
      kind="module"
      items={modules.map((m) => ({ id: m.id, title: localized(i18n.language, m) }))}
      onReorder={onReorderModules}
    >
      <Stack gap="sm">
        {modules.map((module, index) => (
          <ModuleCard
            key={module.id}
            module={module}
            number={index + 1}
            selectedLessonId={selectedLessonId}
            onSelectLesson={onSelectLesson}
            onReorderLessons={(ids) => onReorderLessons(module.id, ids)}
            actions={moduleActions(module)}
          />
        ))}
      </Stack>
    </ReorderList>
  );
}

export function ModuleActionButtons({
  onAddLesson,
  onRename,
  onDelete,
  title,
}: {
  onAddLesson: () => void;
  onRename: () => void;
  onDelete: () => void;
  title: string;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button
        size="compact-sm"
        variant="light"
        onClick={onAddLesson}
        aria-label={t('instructorStructure.outline.addLessonTo', { title })}
      >
        {t('instructorStructure.outline.addLesson')}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        onClick={onRename}
        aria-label={t('instructorStructure.outline.renameModule', { title })}
      >
        {t('instructorStructure.outline.rename')}
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        color="red"
        onClick={onDelete}
        aria-label={t('instructorStructure.outline.deleteModule', { title })}
      >
        {t('instructorStructure.outline.delete')}
      </Button>
    </Group>
  );
}
