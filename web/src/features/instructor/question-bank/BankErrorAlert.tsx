import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';

/** Error codes of the question bank routes, in the author's words; others as everywhere. */
export function BankErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const key = error instanceof ApiError ? `questionBank.errors.${error.code}` : '';
  if (key && i18n.exists(key)) {
    return (
      <Alert color="red" title={t('errors.title')} role="alert">
        {t(key)}
      </Alert>
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
