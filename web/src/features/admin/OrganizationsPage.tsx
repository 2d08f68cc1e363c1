import { Alert, Badge, Button, Card, Group, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type OrganizationView } from '../../app/api';
import { formatDate } from '../../app/format';
import { ConfirmModal } from '../hr/ConfirmModal';
import { AdminErrorAlert } from './AdminErrorAlert';
import { AdminPagedTable } from './AdminPagedTable';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';
import { usePagedList } from './use-paged-list';

/** Organizations: a paged list, create, and deactivate / reactivate after a confirmation. */
export function OrganizationsPage() {
  const { t, i18n } = useTranslation();
  const { list, pager } = usePagedList('admin-organizations', [], api.organizations);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<OrganizationView | null>(null);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('admin.organizations.title')}</Title>
        {!creating && (
          <Button onClick={() => setCreating(true)}>{t('admin.organizations.create.open')}</Button>
        )}
      </Group>
      {created && (
        <Alert color="green" role="status">
          {t('admin.organizations.create.done', { name: created.name, code: created.code })}
        </Alert>
      )}
      {creating && (
        <CreateOrganizationForm
          onCancel={() => setCreating(false)}
          onCreated={(org) => {
            setCreating(false);
            setCreated(org);
          }}
        />
      )}
      <AdminPagedTable
        list={list}
        pager={pager}
        empty={t('admin.organizations.empty')}
        columns={[
          t('admin.organizations.fields.name'),
          t('admin.organizations.fields.code'),
          t('admin.organizations.fields.createdAt'),
          t('admin.organizations.fields.status'),
          t('admin.organizations.fields.actions'),
        ]}
        row={(org) => (
          <Table.Tr key={org.id}>
            <Table.Th scope="row" fw={600}>
              {org.name}
            </Table.Th>
            <Table.Td>{org.code}</Table.Td>
            <Table.Td>{formatDate(i18n.language, org.createdAt)}</Table.Td>
            <Table.Td>
              <ActiveBadge active={org.isActive} />
            </Table.Td>
            <Table.Td>
              <OrganizationActions org={org} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal.9' : 'gray.7'} variant="filled" miw="max-content">
      {t(active ? 'admin.common.active' : 'admin.common.inactive')}
    </Badge>
  );
}

function CreateOrganizationForm({
  onCreated,
  onCancel,
}: {
  onCreated: (org: OrganizationView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dirty, setDirty] = useState(false);
  const create = useMutation({
    mutationFn: api.createOrganization,
    onSuccess: async (org) => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['admin-organizations'] });
      onCreated(org);
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate({
      code: String(form.get('code') ?? '').trim(),
      name: String(form.get('name') ?? '').trim(),
    });
  };
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="new-org">
      <form onSubmit={submit} onChange={() => setDirty(true)}>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="new-org">
            {t('admin.organizations.create.title')}
          </Title>
          <Group align="flex-start" wrap="wrap" grow>
            <TextInput
              name="name"
              label={t('admin.organizations.fields.name')}
              required
              minLength={2}
              maxLength={200}
            />
            <TextInput
              name="code"
              label={t('admin.organizations.fields.code')}
              description={t('admin.organizations.create.codeHint')}
              required
              pattern="[A-Z0-9_\-]{2,32}"
            />
          </Group>
          {create.error && <AdminErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.organizations.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <UnsavedChangesGuard dirty={dirty} />
    </Card>
  );
}

function OrganizationActions({ org }: { org: OrganizationView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const action = org.isActive ? 'deactivate' : 'reactivate';
  const run = useMutation({
    mutationFn: () => api.setOrganizationActive(org.id, !org.isActive),
    onSuccess: async () => {
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey: ['admin-organizations'] });
    },
    onError: () => setAsking(false),
  });
  return (
    <>
      <Button
        size="xs"
        variant="light"
        color={org.isActive ? 'red' : undefined}
        onClick={() => {
          run.reset();
          setAsking(true);
        }}
      >
        {t(`admin.organizations.${action}`)}
      </Button>
      {run.error && <AdminErrorAlert error={run.error} />}
      <ConfirmModal
        opened={asking}
        title={t(`admin.organizations.${action}Title`, { name: org.name })}
        message={t(`admin.organizations.${action}Message`, { name: org.name })}
        confirmLabel={t(`admin.organizations.${action}`)}
        danger={org.isActive}
        busy={run.isPending}
        onConfirm={() => run.mutate()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
