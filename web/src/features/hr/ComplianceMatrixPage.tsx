import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { ErrorAlert } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { CellBadge } from './CellBadge';

const STATES = ['valid', 'expiring', 'expired', 'in_progress', 'overdue', 'none'] as const;

/** Filters and the page cursor live in the URL, so a dashboard number links straight here. */
export function ComplianceMatrixPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const matrix = useQuery({
    queryKey: ['compliance-matrix', params.toString()],
    queryFn: () => api.complianceMatrix(params),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const codes = [
    ...new Set(matrix.data?.items.flatMap((r) => r.cells.map((c) => c.competencyCode))),
  ];

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['search', 'competency', 'state']) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  };
  const onLaterPage = params.has('cursor');
  const withCursor = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    setParams(next);
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('hr.matrix.title')}</Title>
      <form onSubmit={apply} key={params.toString()}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            name="search"
            label={t('hr.matrix.search')}
            defaultValue={params.get('search') ?? ''}
          />
          <TextInput
            name="competency"
            label={t('hr.matrix.competency')}
            defaultValue={params.get('competency') ?? ''}
          />
          <NativeSelect
            name="state"
            label={t('hr.matrix.state')}
            defaultValue={params.get('state') ?? ''}
            data={[
              { value: '', label: t('hr.matrix.anyState') },
              ...STATES.map((s) => ({ value: s, label: t(`hr.cell.${s}`) })),
            ]}
          />
          <Button type="submit">{t('hr.matrix.apply')}</Button>
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('hr.matrix.clear')}
          </Button>
        </Group>
      </form>
      {matrix.isPending ? (
        <Loading />
      ) : matrix.error ? (
        <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : matrix.data.items.length === 0 ? (
        <Text>{t('hr.matrix.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hr.matrix.employee')}</Table.Th>
                {codes.map((code) => (
                  <Table.Th scope="col" key={code}>
                    {code}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.items.map((row) => (
                <Table.Tr key={row.userId}>
                  <Table.Th scope="row">
                    {row.name}
                    <Text size="xs" c="dimmed">
                      {row.employeeId ?? row.email}
                    </Text>
                  </Table.Th>
                  {row.cells.map((cell) => (
                    <Table.Td key={cell.competencyCode}>
                      <CellBadge state={cell.state} />
                      {cell.validUntil && (
                        <Text size="xs">
                          {t('hr.matrix.validUntil', {
                            date: formatDate(i18n.language, cell.validUntil),
                          })}
                        </Text>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        {onLaterPage && (
          <Button variant="default" onClick={() => withCursor(null)}>
            {t('hr.matrix.first')}
          </Button>
        )}
        {matrix.data?.nextCursor && (
          <Button variant="default" onClick={() => withCursor(matrix.data.nextCursor)}>
            {t('hr.matrix.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
