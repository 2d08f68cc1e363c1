import { Alert, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type LessonView } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';

/** What the server accepts (checked there by magic bytes); the picker offers the same. */
const ACCEPT =
  '.pdf,.ppt,.pptx,application/pdf,application/vnd.ms-powerpoint,' +
  'application/vnd.openxmlformats-officedocument.presentationml.presentation';

function useBytes() {
  const { t, i18n } = useTranslation();
  return (bytes: number) => {
    const number = (v: number) =>
      new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(v);
    if (bytes >= 1024 * 1024)
      return t('instructorStructure.file.mb', { value: number(bytes / 1048576) });
    if (bytes >= 1024) return t('instructorStructure.file.kb', { value: number(bytes / 1024) });
    return t('instructorStructure.file.bytes', { value: number(bytes) });
  };
}

/** The server's 413 and 415 in plain words, naming the limit and the accepted types. */
function UploadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const bytes = useBytes();
  if (error instanceof ApiError && (error.status === 413 || error.status === 415)) {
    const maxBytes = (error.details as { maxBytes?: unknown } | undefined)?.maxBytes;
    const text =
      error.status === 415
        ? t('instructorStructure.file.unsupported')
        : typeof maxBytes === 'number'
          ? t('instructorStructure.file.tooLarge', { limit: bytes(maxBytes) })
          : t('instructorStructure.file.tooLargeNoLimit');
    return (
      <Alert color="red" title={t('instructorStructure.file.refused')} role="alert">
        {text}
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}

/**
 * The file of a file lesson: pick, upload with a progress bar (XMLHttpRequest reports upload
 * progress), and the stored file's name and size. Uploading saves at once; it is not part of the
 * lesson form.
 */
export function LessonFileField({
  courseId,
  lesson,
  onUploaded,
}: {
  courseId: string;
  lesson: LessonView;
  onUploaded: (lesson: LessonView) => void;
}) {
  const { t } = useTranslation();
  const bytes = useBytes();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) =>
      api.uploadLessonFile(courseId, lesson.id, chosen, ({ sent, total }) =>
        setPercent(total > 0 ? Math.floor((sent / total) * 100) : 0),
      ),
    onSuccess: (saved) => {
      setPercent(100);
      setFile(null);
      onUploaded(saved);
    },
    onError: () => setPercent(null),
  });
  const stored = lesson.content.file;
  return (
    <Stack gap="sm">
      <Text fw={600}>{t('instructorStructure.file.title')}</Text>
      <Text size="sm" data-stored-file>
        {stored
          ? t('instructorStructure.file.stored', {
              name: stored.filename,
              size: bytes(stored.size),
            })
          : t('instructorStructure.file.none')}
      </Text>
      <Group align="flex-end" wrap="wrap">
        <FileInput
          label={t('instructorStructure.file.pick')}
          description={t('instructorStructure.file.accepted')}
          placeholder={t('instructorStructure.file.placeholder')}
          accept={ACCEPT}
          value={file}
          onChange={(next) => {
            setFile(next);
            setPercent(null);
            upload.reset();
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('instructorStructure.file.clear') }}
          w={{ base: '100%', sm: 320 }}
        />
        <Button
          onClick={() => {
            if (!file) return;
            setPercent(0);
            upload.mutate(file);
          }}
          disabled={!file}
          loading={upload.isPending}
        >
          {stored ? t('instructorStructure.file.replace') : t('instructorStructure.file.upload')}
        </Button>
      </Group>
      {percent !== null && (
        <Stack gap={4}>
          <Progress value={percent} aria-label={t('instructorStructure.file.progressLabel')} />
          <Text size="sm" role="status">
            {percent >= 100 && upload.isSuccess
              ? t('instructorStructure.file.done')
              : t('instructorStructure.file.progress', { percent })}
          </Text>
        </Stack>
      )}
      {upload.error && <UploadError error={upload.error} />}
    </Stack>
  );
}
