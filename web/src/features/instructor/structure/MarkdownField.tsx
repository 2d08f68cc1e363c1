import { Box, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';

const PREVIEW_DELAY_MS = 400;
export const MAX_MARKDOWN = 200000;

/**
 * Markdown on one side, on the other the server's rendering of it: the same renderer and
 * sanitiser as the learner's lesson page, asked for once typing pauses.
 */
export function MarkdownField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [debounced] = useDebouncedValue(value, PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: ['instructor-structure', 'markdown-preview', debounced],
    queryFn: ({ signal }) => api.markdownPreview(debounced, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const updating = debounced !== value || preview.isFetching;
  return (
    <Stack gap="sm">
      <Textarea
        label={t('instructorStructure.markdown.label')}
        description={t('instructorStructure.markdown.hint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={24}
        maxLength={MAX_MARKDOWN}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm">
          {t('instructorStructure.markdown.previewTitle')}
        </Text>
        <Text size="xs" c="gray.7" role="status">
          {updating ? t('instructorStructure.markdown.updating') : ''}
        </Text>
      </Group>
      {preview.error ? (
        <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Paper
          withBorder
          p="md"
          role="region"
          aria-label={t('instructorStructure.markdown.previewTitle')}
          data-preview
        >
          {preview.data?.html ? (
            <Box
              className="lesson-html"
              data-preview-html
              dangerouslySetInnerHTML={{ __html: preview.data.html }}
            />
          ) : (
            <Text size="sm" c="gray.7">
              {t('instructorStructure.markdown.empty')}
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}
