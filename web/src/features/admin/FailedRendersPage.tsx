import { Alert, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type CertificateView } from '../../app/api';
import { formatDate, localized } from '../../app/format';
import { ConfirmModal } from '../hr/ConfirmModal';
import { AdminErrorAlert } from './AdminErrorAlert';
import { AdminPagedTable } from './AdminPagedTable';
import { usePagedList } from './use-paged-list';

/** Certificates whose PDF could not be rendered after every attempt, each with its reason. */
export function FailedRendersPage() {
  const { t, i18n } = useTranslation();
  const { list, pager } = usePagedList('admin-failed-renders', [], api.failedCertificates);
  const [retried, setRetried] = useState<CertificateView | null>(null);
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.renders.title')}</Title>
      <Text c="dimmed">{t('admin.renders.intro')}</Text>
      {retried && (
        <Alert color="green" role="status">
          {t('admin.renders.retried', { number: retried.number, name: retried.learnerName })}
        </Alert>
      )}
      <AdminPagedTable
        list={list}
        pager={pager}
        empty={t('admin.renders.empty')}
        columns={[
          t('admin.renders.fields.number'),
          t('admin.renders.fields.learner'),
          t('admin.renders.fields.completedAt'),
          t('admin.renders.fields.reason'),
          t('admin.renders.fields.actions'),
        ]}
        row={(certificate) => (
          <Table.Tr key={certificate.id}>
            <Table.Th scope="row" fw={600}>
              {certificate.number}
            </Table.Th>
            <Table.Td>
              <Text>{certificate.learnerName}</Text>
              <Text size="sm" c="dimmed">
                {localized(i18n.language, {
                  titleId: certificate.courseTitle.id,
                  titleEn: certificate.courseTitle.en,
                })}
              </Text>
            </Table.Td>
            <Table.Td>{formatDate(i18n.language, certificate.completedAt)}</Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {certificate.failureReason ?? '—'}
              </Text>
              <Text size="xs" c="dimmed">
                {t('admin.renders.attempts', { count: certificate.attempts })}
              </Text>
            </Table.Td>
            <Table.Td>
              <RetryRenderButton certificate={certificate} onRetried={setRetried} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

function RetryRenderButton({
  certificate,
  onRetried,
}: {
  certificate: CertificateView;
  onRetried: (certificate: CertificateView) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const retry = useMutation({
    mutationFn: () => api.retryCertificate(certificate.id),
    onSuccess: async (view) => {
      setAsking(false);
      onRetried(view);
      await queryClient.invalidateQueries({ queryKey: ['admin-failed-renders'] });
    },
    onError: () => setAsking(false),
  });
  const vars = { number: certificate.number, name: certificate.learnerName };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setAsking(true)}>
        {t('admin.renders.retry')}
      </Button>
      {retry.error && <AdminErrorAlert error={retry.error} />}
      <ConfirmModal
        opened={asking}
        title={t('admin.renders.retryTitle', vars)}
        message={t('admin.renders.retryMessage', vars)}
        confirmLabel={t('admin.renders.retry')}
        busy={retry.isPending}
        onConfirm={() => retry.mutate()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
