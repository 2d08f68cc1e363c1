import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { useDownload } from '../../app/use-download';
import { DownloadButtons } from '../common/DownloadButtons';
import { ErrorAlert } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { CellBadge } from './CellBadge';
import { CellLegend } from './CellLegend';
import { CursorPager } from '../common/CursorPager';

const STATES = ['valid', 'expiring', 'expired', 'in_progress', 'overdue', 'none'] as const;
const EXPIRING_CHOICES = ['30', '60', '90', '180'] as const;
const FILTERS = ['search', 'competency', 'state', 'expiringWithinDays'] as const;

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
  const summary = useQuery({
    queryKey: ['compliance-summary'],
    queryFn: () => api.complianceSummary(),
  });
  const exporter = useDownload();
  const codes = [
    ...new Set(matrix.data?.items.flatMap((r) => r.cells.map((c) => c.competencyCode))),
  ];
  const chosenCodes = (params.get('competency') ?? '').split(',').filter(Boolean);
  const knownCodes = [
    ...new Set([
      ...(summary.data?.competencies.map((c) => c.competencyCode) ?? []),
      ...chosenCodes,
    ]),
  ].sort();

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTERS) {
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
  const exportAs = (format: 'csv' | 'xlsx') => {
    const q = new URLSearchParams();
    for (const key of FILTERS) {
      const value = params.get(key);
      if (value) q.set(key, value);
    }
    q.set('format', format);
    q.set('lang', i18n.language === 'en' ? 'en' : 'id');
    void exporter.start(
      format,
      `/api/v1/compliance/matrix/export?${q.toString()}`,
      `compliance-matrix.${format}`,
    );
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('hr.matrix.title')}</Title>
      <form onSubmit={apply} key={params.toString()}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            name="search"
            label={t('hrMatrixExport.search')}
            defaultValue={params.get('search') ?? ''}
          />
          <MultiSelect
            name="competency"
            label={t('hr.matrix.competency')}
            placeholder={chosenCodes.length ? undefined : t('hrMatrixExport.allCompetencies')}
            data={knownCodes}
            defaultValue={chosenCodes}
            searchable
            clearable
            w={240}
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
          <NativeSelect
            name="expiringWithinDays"
            label={t('hrMatrixExport.expiringWithin')}
            defaultValue={params.get('expiringWithinDays') ?? ''}
            data={[
              { value: '', label: t('hrMatrixExport.anyExpiry') },
              ...EXPIRING_CHOICES.map((d) => ({
                value: d,
                label: t('hrMatrixExport.withinDays', { count: Number(d) }),
              })),
              ...(params.get('expiringWithinDays') &&
              !(EXPIRING_CHOICES as readonly string[]).includes(params.get('expiringWithinDays')!)
                ? [
                    {
                      value: params.get('expiringWithinDays')!,
                      label: t('hrMatrixExport.withinDays', {
                        count: Number(params.get('expiringWithinDays')),
                      }),
                    },
                  ]
                : []),
            ]}
          />
          <Button type="submit">{t('hr.matrix.apply')}</Button>
          <Button variant="subtle" onClick={() => setParams(new URLSearchParams())}>
            {t('hr.matrix.clear')}
          </Button>
        </Group>
      </form>
      <DownloadButtons
        label={t('hrMatrixExport.exportLabel')}
        state={exporter}
        choices={[
          { kind: 'csv', label: t('hrMatrixExport.csv') },
          { kind: 'xlsx', label: t('hrMatrixExport.xlsx') },
        ]}
        onStart={exportAs}
      />
      <CellLegend />
      {matrix.isPending ? (
        <Loading />
      ) : matrix.error ? (
        <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : matrix.data.items.length === 0 ? (
        <Text>{t('hr.matrix.empty')}</Text>
      ) : (
        <div
          className="matrix-scroll"
          role="region"
          aria-label={t('hrMatrixExport.tableRegion')}
          tabIndex={0}
        >
          <Table striped withTableBorder className="matrix-table">
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
        </div>
      )}
      <CursorPager
        onFirst={onLaterPage ? () => withCursor(null) : undefined}
        nextCursor={matrix.data?.nextCursor}
        onNext={withCursor}
      />
    </Stack>
  );
}
