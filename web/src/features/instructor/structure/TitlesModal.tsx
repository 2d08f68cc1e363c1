import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonView } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';

export interface TitlesValue {
  titleId: string;
  titleEn: string;
  type: LessonView['type'];
}

const TYPES: LessonView['type'][] = ['text', 'video', 'file', 'quiz'];

/**
 * The small form for a module (add, rename) or a new lesson (its type too): both titles, as the
 * course carries both languages. Enter submits; Escape closes.
 */
export function TitlesModal({
  opened,
  title,
  submitLabel,
  initial,
  withType = false,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  initial?: { titleId: string; titleEn: string };
  withType?: boolean;
  busy: boolean;
  error: unknown;
  onSubmit: (value: TitlesValue) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': t('instructorStructure.common.close') }}
    >
      {/* Mounted per opening, so the fields start from `initial` each time. */}
      {opened && (
        <TitlesForm
          initial={initial}
          withType={withType}
          busy={busy}
          error={error}
          submitLabel={submitLabel}
          onSubmit={onSubmit}
          onCancel={onClose}
        />
      )}
    </Modal>
  );
}

function TitlesForm({
  initial,
  withType,
  busy,
  error,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { titleId: string; titleEn: string };
  withType: boolean;
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSubmit: (value: TitlesValue) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [titleId, setTitleId] = useState(initial?.titleId ?? '');
  const [titleEn, setTitleEn] = useState(initial?.titleEn ?? '');
  const [type, setType] = useState<LessonView['type']>('text');
  const [tried, setTried] = useState(false);
  const missing = (v: string) =>
    tried && !v.trim() ? t('instructorStructure.common.required') : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!titleId.trim() || !titleEn.trim()) return;
    onSubmit({ titleId: titleId.trim(), titleEn: titleEn.trim(), type });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {withType && (
          <NativeSelect
            label={t('instructorStructure.fields.type')}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as LessonView['type'])}
            data={TYPES.map((value) => ({
              value,
              label: t(`instructorStructure.types.${value}`),
            }))}
          />
        )}
        <TextInput
          label={t('instructorStructure.fields.titleId')}
          value={titleId}
          onChange={(e) => setTitleId(e.currentTarget.value)}
          maxLength={300}
          required
          error={missing(titleId)}
          data-autofocus
        />
        <TextInput
          label={t('instructorStructure.fields.titleEn')}
          value={titleEn}
          onChange={(e) => setTitleEn(e.currentTarget.value)}
          maxLength={300}
          required
          error={missing(titleEn)}
        />
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('instructorStructure.common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
