import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DownloadState } from '../../app/use-download';
import { useErrorText } from './ErrorAlert';

function formatBytes(language: string, bytes: number): string {
  const mb = bytes >= 1_000_000;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(mb ? bytes / 1_000_000 : bytes / 1_000);
}

/** Bytes received so far (and of how many, when known), read out politely to screen readers. */
export function DownloadProgressLine({ state }: { state: DownloadState }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { progress, running, error } = state;
  if (!progress && !error) return null;
  const received = formatBytes(i18n.language, progress?.received ?? 0);
  const text = error
    ? t('hrDownload.failed', { reason: errorText(error) })
    : running
      ? progress?.total
        ? t('hrDownload.receivedOf', {
            received,
            total: formatBytes(i18n.language, progress.total),
          })
        : t('hrDownload.received', { received })
      : t('hrDownload.done', { received });
  return (
    <Stack gap={4} aria-live="polite" data-testid="download-progress">
      {running && progress?.total ? (
        <Progress
          value={(100 * progress.received) / progress.total}
          aria-label={t('hrDownload.progressLabel')}
        />
      ) : running ? (
        <Progress value={100} animated striped aria-label={t('hrDownload.progressLabel')} />
      ) : null}
      <Text size="sm" c={error ? 'red.8' : undefined}>
        {text}
      </Text>
    </Stack>
  );
}
