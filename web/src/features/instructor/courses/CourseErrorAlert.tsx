import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../app/api';
import { ErrorAlert } from '../../common/ErrorAlert';

/** Error codes of the course routes, said in the instructor's words. */
export function CourseErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, i18n } = useTranslation();
  const key = error instanceof ApiError ? `instructorCourses.errors.${error.code}` : '';
  if (key && i18n.exists(key)) {
    return (
      <Alert color="red" title={t('errors.title')} role="alert">
        {t(key)}
      </Alert>
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
