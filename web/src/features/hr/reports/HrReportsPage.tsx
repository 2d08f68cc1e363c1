import { Badge, Card, Progress, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../../app/api';
import { formatDate } from '../../../app/format';
import { useDownload } from '../../../app/use-download';
import { CursorPager } from '../../common/CursorPager';
import { DownloadButtons } from '../../common/DownloadButtons';
import { ErrorAlert } from '../../common/ErrorAlert';
import { Loading } from '../../common/Loading';

const EXPORT_PATH = '/api/v1/reports/organization/export';
const STATUS_COLORS: Record<string, string> = {
  not_started: 'gray.7',
  in_progress: 'blue.9',
  overdue: 'red.9',
  completed: 'teal.9',
  withdrawn: 'gray.7',
};

/**
 * HR's organization progress (one row per employee and course, paged), its CSV / XLSX export
 * with the bytes shown as they arrive, and HR's own weekly digest e-mail switch.
 */
export function HrReportsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cursor = params.get('cursor');
  const report = useQuery({
    queryKey: ['hr-organization-report', cursor],
    queryFn: () => api.organizationReport(cursor),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const downloads = useDownload();
  const withCursor = (next: string | null) => setParams(next ? { cursor: next } : {});
  return (
    <Stack gap="md">
      <Title order={1}>{t('hrReports.title')}</Title>
      <DigestSettings />
      <Card withBorder radius="md" component="section" aria-labelledby="hr-report-progress">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="hr-report-progress">
            {t('hrReports.progress')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('hrReports.progressHint')}
          </Text>
          <DownloadButtons
            label={t('hrReports.exportLabel')}
            state={downloads}
            choices={[
              { kind: 'csv', label: t('hrReports.csv'), primary: true },
              { kind: 'xlsx', label: t('hrReports.xlsx') },
            ]}
            onStart={(kind) =>
              void downloads.start(kind, `${EXPORT_PATH}?format=${kind}`, `laporan.${kind}`)
            }
          />
          {report.isPending ? (
            <Loading />
          ) : report.error ? (
            <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
          ) : report.data.items.length === 0 ? (
            <Text>{t('hrReports.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table
                striped
                withTableBorder
                verticalSpacing="sm"
                aria-label={t('hrReports.progress')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" miw={130}>
                      {t('hrReports.fields.employee')}
                    </Table.Th>
                    <Table.Th scope="col" miw={140}>
                      {t('hrReports.fields.course')}
                    </Table.Th>
                    <Table.Th scope="col">{t('hrReports.fields.status')}</Table.Th>
                    <Table.Th scope="col">{t('hrReports.fields.progress')}</Table.Th>
                    <Table.Th scope="col">{t('hrReports.fields.due')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.data.items.map((row) => (
                    <Table.Tr key={row.enrollmentId}>
                      <Table.Th scope="row" fw="normal">
                        <Text fw={600}>{row.name}</Text>
                        {row.employeeId && (
                          <Text size="xs" c="dimmed">
                            {row.employeeId}
                          </Text>
                        )}
                      </Table.Th>
                      <Table.Td>
                        <Text size="sm">{row.courseTitle}</Text>
                        <Text size="xs" c="dimmed">
                          {row.courseCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          color={STATUS_COLORS[row.status] ?? 'gray.7'}
                          variant="filled"
                          miw="max-content"
                        >
                          {t(`status.${row.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td miw={140}>
                        <Progress
                          value={row.percent}
                          aria-label={t('hrReports.percentOf', { name: row.name })}
                        />
                        <Text size="xs" c="dimmed">
                          {t('hrReports.percent', {
                            percent: row.percent,
                            done: row.jpDone,
                            total: row.jpHours,
                          })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {row.completedAt
                          ? t('hrReports.completedOn', {
                              date: formatDate(i18n.language, row.completedAt),
                            })
                          : row.dueAt
                            ? formatDate(i18n.language, row.dueAt)
                            : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <CursorPager
            onFirst={cursor ? () => withCursor(null) : undefined}
            nextCursor={report.data?.nextCursor}
            onNext={withCursor}
          />
        </Stack>
      </Card>
    </Stack>
  );
}

/** HR's weekly digest e-mail, on or off (their own notification preference). */
function DigestSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefs = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: api.notificationPreferences,
  });
  const save = useMutation({
    mutationFn: (enabled: boolean) => api.setNotificationPreference('digest', enabled),
    onSuccess: (data) => queryClient.setQueryData(['notification-preferences'], data),
  });
  const digest = prefs.data?.items.find((p) => p.category === 'digest');
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="hr-digest">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="hr-digest">
          {t('hrReports.digest.title')}
        </Title>
        {prefs.isPending ? (
          <Loading />
        ) : prefs.error ? (
          <ErrorAlert error={prefs.error} onRetry={() => void prefs.refetch()} />
        ) : digest ? (
          <Switch
            checked={digest.enabled}
            disabled={save.isPending}
            onChange={(e) => save.mutate(e.currentTarget.checked)}
            label={t('hrReports.digest.label')}
            description={t('hrReports.digest.hint')}
          />
        ) : (
          <Text size="sm">{t('hrReports.digest.notForRole')}</Text>
        )}
        {save.isSuccess && (
          <Text size="sm" c="teal.9" fw={500} role="status">
            {t(digest?.enabled ? 'hrReports.digest.on' : 'hrReports.digest.off')}
          </Text>
        )}
        {save.error && <ErrorAlert error={save.error} />}
      </Stack>
    </Card>
  );
}
