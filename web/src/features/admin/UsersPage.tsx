import {
  Alert,
  Button,
  Card,
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
import { api, type CreateUserDto, type UserView } from '../../app/api';
import { ConfirmModal } from '../hr/ConfirmModal';
import { AdminErrorAlert } from './AdminErrorAlert';
import { AdminPagedTable } from './AdminPagedTable';
import { ActiveBadge } from './OrganizationsPage';
import { OrganizationSelect, useOrganizationNames } from './OrganizationSelect';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';
import { usePagedList } from './use-paged-list';

const ROLES = ['admin', 'instructor', 'hr', 'learner'] as const;
type UserRole = (typeof ROLES)[number];
/** Roles that belong to an organization (the API refuses the others with one). */
const ORGANIZATION_ROLES: readonly string[] = ['hr', 'learner'];

/** Users of every role: filter by role, organization and text; create; (de)activate; invite. */
export function UsersPage() {
  const { t } = useTranslation();
  const { list, params, setFilters, pager } = usePagedList(
    'admin-users',
    ['role', 'organizationId', 'search'],
    api.adminUsers,
  );
  const organizationName = useOrganizationNames(
    list.data?.items.map((u) => u.organizationId) ?? [],
  );
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<UserView | null>(null);
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setFilters({
      role: String(form.get('role') ?? ''),
      organizationId: String(form.get('organizationId') ?? ''),
      search: String(form.get('search') ?? ''),
    });
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('admin.users.title')}</Title>
        {!creating && (
          <Button onClick={() => setCreating(true)}>{t('admin.users.create.open')}</Button>
        )}
      </Group>
      {created && (
        <Alert color="green" role="status">
          {t('admin.users.create.done', { name: created.name, email: created.email })}
        </Alert>
      )}
      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(user) => {
            setCreating(false);
            setCreated(user);
          }}
        />
      )}
      <form onSubmit={apply} role="search" key={params.toString()}>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            name="role"
            label={t('admin.users.fields.role')}
            defaultValue={params.get('role') ?? ''}
            data={[
              { value: '', label: t('admin.users.anyRole') },
              ...ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) })),
            ]}
          />
          <OrganizationSelect
            name="organizationId"
            label={t('admin.users.fields.organization')}
            placeholder={t('admin.users.anyOrganization')}
            defaultValue={params.get('organizationId')}
            w={{ base: '100%', sm: 260 }}
          />
          <TextInput
            name="search"
            label={t('admin.users.search')}
            placeholder={t('admin.users.searchPlaceholder')}
            defaultValue={params.get('search') ?? ''}
            w={{ base: '100%', sm: 300 }}
          />
          <Button type="submit">{t('admin.common.apply')}</Button>
        </Group>
      </form>
      <AdminPagedTable
        list={list}
        pager={pager}
        empty={t('admin.users.empty')}
        columns={[
          t('admin.users.fields.name'),
          t('admin.users.fields.role'),
          t('admin.users.fields.organization'),
          t('admin.users.fields.status'),
          t('admin.users.fields.actions'),
        ]}
        row={(user) => (
          <Table.Tr key={user.id}>
            <Table.Th scope="row" fw="normal">
              <Text fw={600}>{user.name}</Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {user.email}
              </Text>
            </Table.Th>
            <Table.Td>{t(`admin.roles.${user.role}`)}</Table.Td>
            <Table.Td>{organizationName(user.organizationId) ?? '—'}</Table.Td>
            <Table.Td>
              <ActiveBadge active={user.isActive} />
            </Table.Td>
            <Table.Td>
              <UserActions user={user} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: UserView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dirty, setDirty] = useState(false);
  const [role, setRole] = useState<UserRole>('instructor');
  const needsOrganization = ORGANIZATION_ROLES.includes(role);
  const create = useMutation({
    mutationFn: api.createUser,
    onSuccess: async (user) => {
      setDirty(false);
      await queryClient.invalidateQueries({ queryKey: ['admin-users'] });
      onCreated(user);
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '').trim();
    const body: CreateUserDto = { name: value('name'), email: value('email'), role };
    if (needsOrganization) body.organizationId = value('organizationId');
    if (needsOrganization && value('employeeId')) body.employeeId = value('employeeId');
    create.mutate(body);
  };
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="new-user">
      <form onSubmit={submit} onChange={() => setDirty(true)}>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="new-user">
            {t('admin.users.create.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('admin.users.create.hint')}
          </Text>
          <Group align="flex-start" wrap="wrap" grow>
            <TextInput name="name" label={t('admin.users.fields.name')} required minLength={2} />
            <TextInput name="email" type="email" label={t('admin.users.fields.email')} required />
          </Group>
          <Group align="flex-start" wrap="wrap" grow>
            <NativeSelect
              name="role"
              label={t('admin.users.fields.role')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value as UserRole)}
              data={ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))}
            />
            {needsOrganization && (
              <OrganizationSelect
                name="organizationId"
                label={t('admin.users.fields.organization')}
                placeholder={t('admin.users.chooseOrganization')}
                required
              />
            )}
            {needsOrganization && (
              <TextInput
                name="employeeId"
                label={t('admin.users.fields.employeeIdOptional')}
                pattern="[A-Za-z0-9._/\-]{1,64}"
              />
            )}
          </Group>
          {create.error && <AdminErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('admin.common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.users.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <UnsavedChangesGuard dirty={dirty} />
    </Card>
  );
}

type UserAction = 'deactivate' | 'reactivate' | 'invite';

function UserActions({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<UserAction | null>(null);
  const [done, setDone] = useState<UserAction | null>(null);
  const run = useMutation({
    mutationFn: (action: UserAction): Promise<unknown> =>
      action === 'invite'
        ? api.resendUserInvitation(user.id)
        : api.setUserActive(user.id, action === 'reactivate'),
    onSuccess: async (_result, action) => {
      setAsking(null);
      setDone(action);
      await queryClient.invalidateQueries({ queryKey: ['admin-users'] });
    },
    onError: () => setAsking(null),
  });
  const ask = (action: UserAction) => {
    setDone(null);
    run.reset();
    setAsking(action);
  };
  const vars = { name: user.name, email: user.email };
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {user.isActive ? (
          <>
            <Button size="xs" variant="default" onClick={() => ask('invite')}>
              {t('admin.users.invite')}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => ask('deactivate')}>
              {t('admin.users.deactivate')}
            </Button>
          </>
        ) : (
          <Button size="xs" variant="light" onClick={() => ask('reactivate')}>
            {t('admin.users.reactivate')}
          </Button>
        )}
      </Group>
      {done && (
        <Alert color="green" role="status" mt="xs" p="xs">
          {t(`admin.users.${done}Done`, vars)}
        </Alert>
      )}
      {run.error && <AdminErrorAlert error={run.error} />}
      <ConfirmModal
        opened={asking !== null}
        title={asking ? t(`admin.users.${asking}Title`, vars) : ''}
        message={asking ? t(`admin.users.${asking}Message`, vars) : ''}
        confirmLabel={asking ? t(`admin.users.${asking}`) : ''}
        danger={asking === 'deactivate'}
        busy={run.isPending}
        onConfirm={() => asking && run.mutate(asking)}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}
