import { Button, Checkbox, Group, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { Loading } from '../common/Loading';
import { HrErrorAlert } from './HrErrorAlert';

export type Picked = Map<string, { name: string; employeeId: string | null }>;

/**
 * Multi-select over the paged, searchable employee list; the selection survives paging and
 * new searches. Only active employees can be picked (the API assigns only those).
 */
export function EmployeePicker({
  picked,
  onChange,
}: {
  picked: Picked;
  onChange: (next: Picked) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const list = useQuery({
    queryKey: ['hr-employees', search, cursor, 'picker'],
    queryFn: () => api.employees({ search, cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
  const active = (list.data?.items ?? []).filter((e) => e.isActive);
  const allOnPage = active.length > 0 && active.every((e) => picked.has(e.id));

  const toggle = (ids: { id: string; name: string; employeeId: string | null }[], on: boolean) => {
    const next = new Map(picked);
    for (const e of ids) {
      if (on) next.set(e.id, { name: e.name, employeeId: e.employeeId });
      else next.delete(e.id);
    }
    onChange(next);
  };
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSearch(String(new FormData(e.currentTarget).get('search') ?? '').trim());
    setCursors([]);
  };

  return (
    <>
      <form onSubmit={apply} role="search">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            name="search"
            label={t('hrAssignments.filter')}
            defaultValue={search}
            w={{ base: '100%', sm: 320 }}
          />
          <Button type="submit" variant="default">
            {t('hrEmployees.searchSubmit')}
          </Button>
        </Group>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <HrErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('hrEmployees.noMatch')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table withTableBorder verticalSpacing="xs" aria-label={t('hrAssignments.pickTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={48}>
                  <Checkbox
                    aria-label={t('hrAssignments.pickPage')}
                    checked={allOnPage}
                    onChange={(e) => toggle(active, e.currentTarget.checked)}
                  />
                </Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.employeeId')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.email')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={t('hrAssignments.pick', { name: e.name })}
                      checked={picked.has(e.id)}
                      disabled={!e.isActive}
                      onChange={(ev) => toggle([e], ev.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Th scope="row" fw="normal">
                    {e.name}
                    {!e.isActive && (
                      <Text size="xs" c="dimmed">
                        {t('hrEmployees.status.inactive')}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{e.employeeId ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.email}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group justify="space-between" wrap="wrap">
        <Group>
          {cursors.length > 0 && (
            <Button variant="default" size="xs" onClick={() => setCursors([])}>
              {t('paging.first')}
            </Button>
          )}
          {list.data?.nextCursor && (
            <Button
              variant="default"
              size="xs"
              onClick={() => setCursors([...cursors, list.data.nextCursor!])}
            >
              {t('paging.next')}
            </Button>
          )}
        </Group>
        <Group gap="sm">
          <Text fw={600} role="status">
            {t('hrAssignments.pickedCount', { count: picked.size })}
          </Text>
          {picked.size > 0 && (
            <Button variant="subtle" size="xs" onClick={() => onChange(new Map())}>
              {t('hrAssignments.clearPicked')}
            </Button>
          )}
        </Group>
      </Group>
    </>
  );
}
