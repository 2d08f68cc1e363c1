import { Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { AdminPagedTable } from './AdminPagedTable';
import { formatDateTime, startOfJakartaDay } from './format';
import { OrganizationSelect } from './OrganizationSelect';
import { usePagedList } from './use-paged-list';

const FILTERS = [
  'actor',
  'action',
  'entityType',
  'entityId',
  'organizationId',
  'from',
  'to',
] as const;
const DAY_MS = 86_400_000;

/**
 * The page's days as the API's instants: `from` starts its day in Jakarta, and `to` is
 * inclusive on the page (the last day counts), exclusive in the API.
 */
function auditQuery(query: URLSearchParams): URLSearchParams {
  const from = query.get('from');
  if (from) query.set('from', startOfJakartaDay(from).toISOString());
  const to = query.get('to');
  if (to) query.set('to', new Date(startOfJakartaDay(to).getTime() + DAY_MS).toISOString());
  return query;
}

/** The audit trail, newest first, filtered by actor, action, entity and days. */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const { list, params, setFilters, pager } = usePagedList('admin-audit-log', FILTERS, (query) =>
    api.auditLog(auditQuery(query)),
  );
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setFilters(Object.fromEntries(FILTERS.map((key) => [key, String(form.get(key) ?? '')])));
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.audit.title')}</Title>
      <form onSubmit={apply} role="search" key={params.toString()}>
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap" grow>
            <TextInput
              name="actor"
              label={t('admin.audit.fields.actor')}
              description={t('admin.audit.actorHint')}
              defaultValue={params.get('actor') ?? ''}
            />
            <TextInput
              name="action"
              label={t('admin.audit.fields.action')}
              description={t('admin.audit.actionHint')}
              defaultValue={params.get('action') ?? ''}
            />
            <TextInput
              name="entityType"
              label={t('admin.audit.fields.entityType')}
              description={t('admin.audit.entityTypeHint')}
              defaultValue={params.get('entityType') ?? ''}
            />
          </Group>
          <Group align="flex-end" wrap="wrap" grow>
            <TextInput
              name="entityId"
              label={t('admin.audit.fields.entityId')}
              defaultValue={params.get('entityId') ?? ''}
            />
            <OrganizationSelect
              name="organizationId"
              label={t('admin.audit.fields.organization')}
              placeholder={t('admin.users.anyOrganization')}
              defaultValue={params.get('organizationId')}
            />
            <TextInput
              name="from"
              type="date"
              label={t('admin.audit.fields.from')}
              defaultValue={params.get('from') ?? ''}
            />
            <TextInput
              name="to"
              type="date"
              label={t('admin.audit.fields.to')}
              defaultValue={params.get('to') ?? ''}
            />
          </Group>
          <Group>
            <Button type="submit">{t('admin.common.apply')}</Button>
            {params.size > 0 && (
              <Button variant="subtle" onClick={() => setFilters({})}>
                {t('admin.common.clear')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <AdminPagedTable
        list={list}
        pager={pager}
        empty={t('admin.audit.empty')}
        label={t('admin.audit.title')}
        columns={[
          t('admin.audit.fields.when'),
          t('admin.audit.fields.actor'),
          t('admin.audit.fields.action'),
          t('admin.audit.fields.entity'),
          t('admin.audit.fields.data'),
        ]}
        row={(entry) => (
          <Table.Tr key={entry.id}>
            <Table.Th scope="row" fw="normal">
              {formatDateTime(i18n.language, entry.createdAt)}
            </Table.Th>
            <Table.Td>
              {entry.actor ? (
                <>
                  <Text size="sm" fw={600}>
                    {entry.actor.name}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {entry.actor.email}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  {t(entry.actorId ? 'admin.audit.deletedActor' : 'admin.audit.system')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Code>{entry.action}</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{entry.entityType}</Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {entry.entityId}
              </Text>
            </Table.Td>
            <Table.Td>
              {Object.keys(entry.data).length ? (
                <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {JSON.stringify(entry.data)}
                </Code>
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
