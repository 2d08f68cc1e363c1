import { Button, Group, NativeSelect, Paper, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type LessonView, type ModuleView } from '../../../app/api';
import { localized } from '../../../app/format';
import { ErrorAlert } from '../../common/ErrorAlert';

/**
 * Moves the selected lesson to the end of another module of the draft: the keyboard and touch
 * way across modules (drag and drop reorders within a module).
 */
export function MoveLessonControl({
  courseId,
  lesson,
  modules,
  onMoved,
}: {
  courseId: string;
  lesson: LessonView;
  modules: ModuleView[];
  onMoved: () => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const others = modules.filter((m) => m.id !== lesson.moduleId);
  const [target, setTarget] = useState('');
  const move = useMutation({
    mutationFn: (moduleId: string) => api.moveLesson(courseId, lesson.id, { moduleId }),
    onSuccess: async () => {
      setTarget('');
      await onMoved();
    },
  });
  if (others.length === 0) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target) move.mutate(target);
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('instructorStructure.move.label', { title: localized(i18n.language, lesson) })}
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
          data={[
            { value: '', label: t('instructorStructure.move.choose') },
            ...others.map((m) => ({
              value: m.id,
              label: t('instructorStructure.move.option', {
                position: modules.indexOf(m) + 1,
                title: localized(i18n.language, m),
              }),
            })),
          ]}
          style={{ flex: '1 1 240px' }}
        />
        <Button type="submit" variant="light" disabled={!target} loading={move.isPending}>
          {t('instructorStructure.move.submit')}
        </Button>
      </Group>
      {move.isSuccess && !target && (
        <Text role="status" size="sm" mt="xs">
          {t('instructorStructure.move.done')}
        </Text>
      )}
      {move.error && <ErrorAlert error={move.error} />}
    </Paper>
  );
}
