import {
  Button,
  Group,
  NativeSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate, localized } from '../../app/format';
import { useDownload } from '../../app/use-download';
import { CertificateStatus, PdfButton } from '../learner/CertificateParts';
import { DownloadButtons } from '../common/DownloadButtons';
import { ErrorAlert } from '../common/ErrorAlert';
import { Loading } from '../common/Loading';
import { CursorPager } from '../common/CursorPager';

const STATUSES = ['valid', 'expired', 'pending', 'failed', 'revoked', 'superseded'] as const;
const PAGE_SIZE = 20;

/** A calendar day typed in the page (yyyy-mm-dd) as the instant it starts in Jakarta. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+07:00`);

/**
 * The page's URL filters as the certificates API's: `expiringTo` is inclusive on the page (the
 * last day counts) and exclusive in the API, so it moves to the next day's start.
 */
function apiFilters(params: URLSearchParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ['courseId', 'status', 'userId']) {
    const value = params.get(key);
    if (value) q.set(key, value);
  }
  const from = params.get('expiringFrom');
  if (from) q.set('expiringFrom', startOfDay(from).toISOString());
  const to = params.get('expiringTo');
  if (to) q.set('expiringTo', new Date(startOfDay(to).getTime() + 86_400_000).toISOString());
  return q;
}

/** HR: their organization's certificates, filtered, paged, and downloaded one by one or in bulk. */
export function HrCertificatesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = apiFilters(params);
  const listQuery = new URLSearchParams(filters);
  listQuery.set('limit', String(PAGE_SIZE));
  const cursor = params.get('cursor');
  if (cursor) listQuery.set('cursor', cursor);
  const list = useQuery({
    queryKey: ['hr-certificates', listQuery.toString()],
    queryFn: () => api.hrCertificates(listQuery),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });
  const courses = useQuery({ queryKey: ['hr-courses'], queryFn: () => api.hrCourses('') });
  const [employee, setEmployee] = useState<string | null>(params.get('userId'));
  const [employeeSearch, setEmployeeSearch] = useState(params.get('employeeName') ?? '');
  const employees = useQuery({
    queryKey: ['employee-search', employeeSearch],
    queryFn: () => api.employeeSearch(employeeSearch),
    enabled: employeeSearch.trim().length >= 2,
    placeholderData: keepPreviousData,
  });
  const employeeOptions = [
    ...(params.get('userId') && params.get('employeeName')
      ? [{ value: params.get('userId')!, label: params.get('employeeName')! }]
      : []),
    ...(employees.data?.items ?? [])
      .filter((u) => u.id !== params.get('userId'))
      .map((u) => ({ value: u.id, label: u.employeeId ? `${u.name} (${u.employeeId})` : u.name })),
  ];
  const downloads = useDownload();

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['courseId', 'status', 'expiringFrom', 'expiringTo']) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    if (employee) {
      next.set('userId', employee);
      const label = employeeOptions.find((o) => o.value === employee)?.label;
      if (label) next.set('employeeName', label);
    }
    setParams(next);
  };
  const clear = () => {
    setEmployee(null);
    setEmployeeSearch('');
    setParams(new URLSearchParams());
  };
  const withCursor = (next: string | null) => {
    const q = new URLSearchParams(params);
    if (next) q.set('cursor', next);
    else q.delete('cursor');
    setParams(q);
  };
  const bulk = (kind: 'zip' | 'csv' | 'xlsx') => {
    const q = new URLSearchParams(filters);
    if (kind !== 'zip') q.set('format', kind);
    const path =
      kind === 'zip' ? '/api/v1/certificates/export.zip' : '/api/v1/certificates/register';
    void downloads.start(
      kind,
      `${path}?${q.toString()}`,
      kind === 'zip' ? 'certificates.zip' : `certificate-register.${kind}`,
    );
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('hrCertificates.title')}</Title>
      <form onSubmit={apply} key={params.toString()}>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            name="courseId"
            label={t('hrCertificates.course')}
            defaultValue={params.get('courseId') ?? ''}
            data={[
              { value: '', label: t('hrCertificates.anyCourse') },
              ...(courses.data?.items ?? []).map((c) => ({
                value: c.id,
                label: localized(i18n.language, c),
              })),
            ]}
            w={240}
          />
          <NativeSelect
            name="status"
            label={t('hrCertificates.status')}
            defaultValue={params.get('status') ?? ''}
            data={[
              { value: '', label: t('hrCertificates.anyStatus') },
              ...STATUSES.map((s) => ({ value: s, label: t(`certificates.statuses.${s}`) })),
            ]}
          />
          <TextInput
            type="date"
            name="expiringFrom"
            label={t('hrCertificates.expiringFrom')}
            defaultValue={params.get('expiringFrom') ?? ''}
          />
          <TextInput
            type="date"
            name="expiringTo"
            label={t('hrCertificates.expiringTo')}
            defaultValue={params.get('expiringTo') ?? ''}
          />
          <Select
            label={t('hrCertificates.employee')}
            placeholder={t('hrCertificates.employeePlaceholder')}
            data={employeeOptions}
            value={employee}
            onChange={setEmployee}
            searchable
            clearable
            searchValue={employeeSearch}
            onSearchChange={setEmployeeSearch}
            filter={({ options }) => options}
            nothingFoundMessage={
              employeeSearch.trim().length >= 2 ? t('hrCertificates.noEmployee') : undefined
            }
            w={260}
          />
          <Button type="submit">{t('hrCertificates.apply')}</Button>
          <Button variant="subtle" onClick={clear}>
            {t('hrCertificates.clear')}
          </Button>
        </Group>
      </form>
      <DownloadButtons
        label={t('hrCertificates.bulkLabel')}
        state={downloads}
        choices={[
          { kind: 'zip', label: t('hrCertificates.zip'), primary: true },
          { kind: 'csv', label: t('hrCertificates.registerCsv') },
          { kind: 'xlsx', label: t('hrCertificates.registerXlsx') },
        ]}
        onStart={bulk}
      />
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('hrCertificates.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hrCertificates.employee')}</Table.Th>
                <Table.Th scope="col">{t('hrCertificates.course')}</Table.Th>
                <Table.Th scope="col">{t('hrCertificates.status')}</Table.Th>
                <Table.Th scope="col">{t('hrCertificates.expires')}</Table.Th>
                <Table.Th scope="col">{t('hrCertificates.file')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    {c.learnerName}
                    <Text size="xs" c="dimmed">
                      {c.number ?? t('certificates.numberPending')}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    {i18n.language === 'en' ? c.courseTitle.en : c.courseTitle.id}
                    <Text size="xs" c="dimmed">
                      {c.competencyCode}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <CertificateStatus status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    {c.expiresAt
                      ? formatDate(i18n.language, String(c.expiresAt))
                      : t('hrCertificates.noExpiry')}
                  </Table.Td>
                  <Table.Td>
                    <PdfButton certificate={c} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager
        onFirst={cursor ? () => withCursor(null) : undefined}
        nextCursor={list.data?.nextCursor}
        onNext={withCursor}
      />
    </Stack>
  );
}
