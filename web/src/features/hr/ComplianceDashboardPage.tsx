import { Anchor, Card, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type ComplianceSummaryView } from '../../app/api';
import { ErrorAlert } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { CELL_COLORS } from './CellBadge';

type Competency = ComplianceSummaryView['competencies'][number];

/**
 * Each dashboard column and the matrix filter its number opens (the expiring buckets: a valid
 * certificate ending within that many days).
 */
const COLUMNS = [
  { key: 'valid', label: 'hr.dashboard.valid', state: 'valid', days: null },
  { key: 'expiring30', label: 'hr.dashboard.expiring30', state: null, days: 30 },
  { key: 'expiring60', label: 'hr.dashboard.expiring60', state: null, days: 60 },
  { key: 'expiring90', label: 'hr.dashboard.expiring90', state: null, days: 90 },
  { key: 'expired', label: 'hr.dashboard.expired', state: 'expired', days: null },
  { key: 'inTraining', label: 'hr.dashboard.inProgress', state: 'in_progress', days: null },
  { key: 'overdue', label: 'hr.dashboard.overdue', state: 'overdue', days: null },
] as const;

const CHART = COLUMNS.filter((c) => c.state !== null);

function matrixLink(code: string, filter: { state: string | null; days: number | null }) {
  const q = new URLSearchParams({ competency: code });
  if (filter.state) q.set('state', filter.state);
  if (filter.days) q.set('expiringWithinDays', String(filter.days));
  return `/hr/matrix?${q.toString()}`;
}

export function ComplianceDashboardPage() {
  const { t, i18n } = useTranslation();
  const summary = useQuery({
    queryKey: ['compliance-summary'],
    queryFn: api.complianceSummary,
    refetchOnMount: 'always', // HR come back here to see what changed
  });
  const name = (c: Competency) => (i18n.language === 'en' ? c.nameEn : c.nameId) ?? '';
  return (
    <Stack gap="md">
      <Title order={1}>{t('hr.dashboard.title')}</Title>
      {summary.isPending ? (
        <Loading />
      ) : summary.error ? (
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      ) : summary.data.competencies.length === 0 ? (
        <Text>{t('hr.dashboard.empty')}</Text>
      ) : (
        <>
          {summary.data.competencies.map((c) => {
            const total = CHART.reduce((sum, col) => sum + c[col.key], 0) || 1;
            return (
              <Card withBorder key={c.competencyCode} component="section">
                <Text fw={600}>
                  {c.competencyCode} {name(c)}
                </Text>
                {/* the chart repeats the table below, which is the accessible version */}
                <Progress.Root size="xl" aria-hidden="true" mt="xs">
                  {CHART.map((col) => (
                    <Progress.Section
                      key={col.key}
                      value={(c[col.key] / total) * 100}
                      color={CELL_COLORS[col.state!]}
                    />
                  ))}
                </Progress.Root>
              </Card>
            );
          })}
          <Table.ScrollContainer minWidth={0}>
            <Table striped withTableBorder>
              <Table.Caption>{t('hr.dashboard.tableCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('hr.dashboard.competency')}</Table.Th>
                  {COLUMNS.map((col) => (
                    <Table.Th scope="col" key={col.key}>
                      {t(col.label)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.data.competencies.map((c) => (
                  <Table.Tr key={c.competencyCode}>
                    <Table.Th scope="row">
                      {c.competencyCode}
                      <Text size="xs" c="dimmed">
                        {name(c)}
                      </Text>
                    </Table.Th>
                    {COLUMNS.map((col) => (
                      <Table.Td key={col.key}>
                        <Anchor
                          component={Link}
                          to={matrixLink(c.competencyCode, col)}
                          aria-label={t('hr.dashboard.openList', {
                            count: c[col.key],
                            state: t(col.label),
                            code: c.competencyCode,
                          })}
                        >
                          {c[col.key]}
                        </Anchor>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
