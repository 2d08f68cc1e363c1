import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OutboxRowDoc } from '../../app/api';
import { ConfirmModal } from '../hr/ConfirmModal';
import { AdminErrorAlert } from './AdminErrorAlert';
import { AdminPagedTable } from './AdminPagedTable';
import { formatDateTime } from './format';
import { usePagedList } from './use-paged-list';

const STATUSES = ['failed', 'queued', 'sending', 'sent', 'suppressed'] as const;
const STATUS_COLORS: Record<string, string> = {
  failed: 'red.9',
  queued: 'blue.9',
  sending: 'blue.9',
  sent: 'teal.9',
  suppressed: 'gray.7',
};

/** The e-mail outbox, failed mails first (the default filter), with a retry for each. */
export function EmailOutboxPage() {
  const { t, i18n } = useTranslation();
  const { list, params, setFilters, pager } = usePagedList(
    'admin-outbox',
    ['status', 'recipient'],
    (query) => {
      // No status in the URL means "failed": what an admin opens this page for.
      if (!query.has('status')) query.set('status', 'failed');
      if (query.get('status') === 'all') query.delete('status');
      return api.emailOutbox(query);
    },
  );
  const [retried, setRetried] = useState<OutboxRowDoc | null>(null);
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setFilters({
      status: String(form.get('status') ?? ''),
      recipient: String(form.get('recipient') ?? ''),
    });
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.outbox.title')}</Title>
      {retried && (
        <Alert color="green" role="status">
          {t('admin.outbox.retried', { recipient: retried.recipient })}
        </Alert>
      )}
      <form onSubmit={apply} role="search" key={params.toString()}>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            name="status"
            label={t('admin.outbox.fields.status')}
            defaultValue={params.get('status') ?? 'failed'}
            data={[
              ...STATUSES.map((s) => ({ value: s, label: t(`admin.outbox.statuses.${s}`) })),
              { value: 'all', label: t('admin.outbox.anyStatus') },
            ]}
          />
          <TextInput
            name="recipient"
            type="email"
            label={t('admin.outbox.fields.recipient')}
            defaultValue={params.get('recipient') ?? ''}
            w={{ base: '100%', sm: 300 }}
          />
          <Button type="submit">{t('admin.common.apply')}</Button>
        </Group>
      </form>
      <AdminPagedTable
        list={list}
        pager={pager}
        empty={t('admin.outbox.empty')}
        columns={[
          t('admin.outbox.fields.recipient'),
          t('admin.outbox.fields.template'),
          t('admin.outbox.fields.status'),
          t('admin.outbox.fields.lastError'),
          t('admin.outbox.fields.actions'),
        ]}
        row={(mail) => (
          <Table.Tr key={mail.id}>
            <Table.Th scope="row" fw="normal">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {mail.recipient}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(i18n.language, mail.createdAt)}
              </Text>
            </Table.Th>
            <Table.Td>{mail.template}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLORS[mail.status]} variant="filled" miw="max-content">
                {t(`admin.outbox.statuses.${mail.status}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('admin.outbox.attempts', { count: mail.attempts })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {mail.lastError ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              {mail.status === 'failed' ? (
                <RetryEmailButton mail={mail} onRetried={setRetried} />
              ) : (
                '—'
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

function RetryEmailButton({
  mail,
  onRetried,
}: {
  mail: OutboxRowDoc;
  onRetried: (mail: OutboxRowDoc) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const retry = useMutation({
    mutationFn: () => api.retryEmail(mail.id),
    onSuccess: async (row) => {
      setAsking(false);
      onRetried(row);
      await queryClient.invalidateQueries({ queryKey: ['admin-outbox'] });
    },
    onError: () => setAsking(false),
  });
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setAsking(true)}>
        {t('admin.outbox.retry')}
      </Button>
      {retry.error && <AdminErrorAlert error={retry.error} />}
      <ConfirmModal
        opened={asking}
        title={t('admin.outbox.retryTitle', { recipient: mail.recipient })}
        message={t('admin.outbox.retryMessage', { recipient: mail.recipient })}
        confirmLabel={t('admin.outbox.retry')}
        busy={retry.isPending}
        onConfirm={() => retry.mutate()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
