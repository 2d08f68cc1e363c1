import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type SuppressionView } from '../../app/api';
import { ConfirmModal } from '../hr/ConfirmModal';
import { AdminErrorAlert } from './AdminErrorAlert';
import { AdminPagedTable } from './AdminPagedTable';
import { formatDateTime } from './format';
import { usePagedList } from './use-paged-list';

/** Addresses never mailed again (hard bounces, blocks); removing one lets mail go out again. */
export function SuppressionsPage() {
  const { t, i18n } = useTranslation();
  const { list, params, setFilters, pager } = usePagedList(
    'admin-suppressions',
    ['search'],
    api.emailSuppressions,
  );
  const [removed, setRemoved] = useState<string | null>(null);
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFilters({ search: String(new FormData(e.currentTarget).get('search') ?? '') });
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.suppressions.title')}</Title>
      <Text c="dimmed">{t('admin.suppressions.intro')}</Text>
      {removed && (
        <Alert color="green" role="status">
          {t('admin.suppressions.removed', { email: removed })}
        </Alert>
      )}
      <form onSubmit={apply} role="search" key={params.toString()}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            name="search"
            label={t('admin.suppressions.search')}
            defaultValue={params.get('search') ?? ''}
            w={{ base: '100%', sm: 300 }}
          />
          <Button type="submit">{t('admin.common.search')}</Button>
        </Group>
      </form>
      <AdminPagedTable
        list={list}
        pager={pager}
        empty={t('admin.suppressions.empty')}
        columns={[
          t('admin.suppressions.fields.email'),
          t('admin.suppressions.fields.reason'),
          t('admin.suppressions.fields.since'),
          t('admin.suppressions.fields.actions'),
        ]}
        row={(row) => (
          <Table.Tr key={row.email}>
            <Table.Th scope="row" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {row.email}
            </Table.Th>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {row.reason}
              </Text>
            </Table.Td>
            <Table.Td>{formatDateTime(i18n.language, row.createdAt)}</Table.Td>
            <Table.Td>
              <RemoveSuppressionButton row={row} onRemoved={setRemoved} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

function RemoveSuppressionButton({
  row,
  onRemoved,
}: {
  row: SuppressionView;
  onRemoved: (email: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.removeEmailSuppression(row.email),
    onSuccess: async () => {
      setAsking(false);
      onRemoved(row.email);
      await queryClient.invalidateQueries({ queryKey: ['admin-suppressions'] });
    },
    onError: () => setAsking(false),
  });
  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={() => setAsking(true)}>
        {t('admin.suppressions.remove')}
      </Button>
      {remove.error && <AdminErrorAlert error={remove.error} />}
      <ConfirmModal
        opened={asking}
        title={t('admin.suppressions.removeTitle', { email: row.email })}
        message={t('admin.suppressions.removeMessage', { email: row.email })}
        confirmLabel={t('admin.suppressions.remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
