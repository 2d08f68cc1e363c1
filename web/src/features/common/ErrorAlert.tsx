import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { LoginError } from '../../app/session';

/** The translated sentence for an API error code (stable codes from the error body). */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const code = error instanceof ApiError || error instanceof LoginError ? error.code : 'UNKNOWN';
    const key = `errors.${code}`;
    return i18n.exists(key) ? t(key) : t('errors.generic');
  };
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <Alert color="red" title={t('errors.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <span>{text(error)}</span>
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
