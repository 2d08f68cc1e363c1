import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { LoginError } from '../../app/session';

/**
 * The translated sentence for an API error code (stable codes from the error body). A `scope`
 * (an i18n section such as `admin.errors`) says a code in that area's words first.
 */
export function useErrorText(scope?: string): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error: unknown) => {
    const code = error instanceof ApiError || error instanceof LoginError ? error.code : 'UNKNOWN';
    const scoped = scope && error instanceof ApiError ? `${scope}.${code}` : '';
    if (scoped && i18n.exists(scoped)) return t(scoped);
    const key = `errors.${code}`;
    return i18n.exists(key) ? t(key) : t('errors.generic');
  };
}

interface ErrorAlertProps {
  error: unknown;
  onRetry?: () => void;
}

export function ErrorAlert({ error, onRetry, scope }: ErrorAlertProps & { scope?: string }) {
  const { t } = useTranslation();
  const text = useErrorText(scope);
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

/** An ErrorAlert that says the codes of one area (its i18n section `scope`) in its own words. */
export function scopedErrorAlert(scope: string) {
  return function ScopedErrorAlert(props: ErrorAlertProps) {
    return <ErrorAlert {...props} scope={scope} />;
  };
}
