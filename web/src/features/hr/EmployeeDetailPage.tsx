import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../app/api';
import { formatDate, formatDuration, localized } from '../../app/format';
import { Loading } from '../common/Loading';
import { EmployeeActions } from './EmployeeActions';
import { EmployeeStatusBadge } from './EmployeeStatusBadge';
import { HrErrorAlert } from './HrErrorAlert';
import { CursorPager } from '../common/CursorPager';

// Filled, dark shades: white text keeps a 4.5:1 contrast on striped rows.
const STATUS_COLORS: Record<string, string> = {
  not_started: 'gray.7',
  in_progress: 'blue.9',
  completed: 'teal.9',
  overdue: 'red.9',
  withdrawn: 'gray.7',
  valid: 'teal.9',
  expired: 'red.9',
  revoked: 'red.9',
  superseded: 'gray.7',
  pending: 'grape.9',
  failed: 'red.9',
};

/** One employee: who they are, their training (paged) with time spent, their certificates. */
export function EmployeeDetailPage() {
  const { t, i18n } = useTranslation();
  const { employeeId = '' } = useParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1) ?? null;
  const [certificateCursors, setCertificateCursors] = useState<string[]>([]);
  const certificateCursor = certificateCursors.at(-1) ?? null;
  const employee = useQuery({
    queryKey: ['hr-employee', employeeId],
    queryFn: () => api.employee(employeeId),
  });
  const training = useQuery({
    queryKey: ['hr-employee', employeeId, 'training', cursor],
    queryFn: () => api.employeeTraining(employeeId, cursor),
    placeholderData: keepPreviousData,
  });
  const certificates = useQuery({
    queryKey: ['hr-employee', employeeId, 'certificates', certificateCursor],
    queryFn: () => api.employeeCertificates(employeeId, certificateCursor),
    placeholderData: keepPreviousData,
  });
  const date = (iso: string | null | undefined) => (iso ? formatDate(i18n.language, iso) : '—');

  if (employee.isPending) return <Loading />;
  if (employee.error) return <HrErrorAlert error={employee.error} />;
  const person = employee.data;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/hr/employees">
        {t('hrEmployee.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1}>{person.name}</Title>
            <EmployeeStatusBadge active={person.isActive} />
          </Group>
          <Text style={{ overflowWrap: 'anywhere' }}>{person.email}</Text>
          <Text size="sm" c="dimmed">
            {t('hrEmployee.ids', { employeeId: person.employeeId ?? '—', nik: person.nik ?? '—' })}
          </Text>
        </Stack>
        <EmployeeActions employee={person} />
      </Group>

      {training.data && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder>
            <Text size="sm">{t('hrEmployee.timeSpent')}</Text>
            <Text fw={700} size="xl">
              {formatDuration(t, training.data.totalTimeSpentSeconds)}
            </Text>
          </Card>
          <Card withBorder>
            <Text size="sm">{t('hrEmployee.completed')}</Text>
            <Text fw={700} size="xl">
              {training.data.completedCount}
            </Text>
          </Card>
        </SimpleGrid>
      )}

      <Title order={2}>{t('hrEmployee.training')}</Title>
      {training.isPending ? (
        <Loading />
      ) : training.error ? (
        <HrErrorAlert error={training.error} onRetry={() => void training.refetch()} />
      ) : training.data.items.length === 0 ? (
        <Text>{t('hrEmployee.noTraining')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder aria-label={t('hrEmployee.training')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hrEmployee.course')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.status')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.progress')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.time')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.due')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.completedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {training.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row" fw="normal">
                    {localized(i18n.language, e)}
                  </Table.Th>
                  <Table.Td>
                    <Badge
                      color={STATUS_COLORS[e.status] ?? 'gray.7'}
                      variant="filled"
                      miw="max-content"
                    >
                      {t(`hrEmployee.enrollmentStatus.${e.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{t('hrEmployee.percent', { percent: e.percent })}</Table.Td>
                  <Table.Td>{formatDuration(t, e.timeSpentSeconds)}</Table.Td>
                  <Table.Td>{date(e.dueAt)}</Table.Td>
                  <Table.Td>{date(e.completedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager
        onFirst={cursors.length > 0 ? () => setCursors([]) : undefined}
        nextCursor={training.data?.nextCursor}
        onNext={(next) => setCursors([...cursors, next])}
      />

      <Title order={2}>{t('hrEmployee.certificates')}</Title>
      {certificates.isPending ? (
        <Loading />
      ) : certificates.error ? (
        <HrErrorAlert error={certificates.error} onRetry={() => void certificates.refetch()} />
      ) : certificates.data.items.length === 0 ? (
        <Text>{t('hrEmployee.noCertificates')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder aria-label={t('hrEmployee.certificates')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hrEmployee.number')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.course')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.status')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.issued')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployee.expires')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {certificates.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row" fw="normal">
                    {c.number ?? t('certificates.numberPending')}
                  </Table.Th>
                  <Table.Td>
                    {i18n.language === 'en' ? c.courseTitle.en : c.courseTitle.id}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={STATUS_COLORS[c.status] ?? 'gray.7'}
                      variant="filled"
                      miw="max-content"
                    >
                      {t(`hrEmployee.certificateStatus.${c.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{date(c.issuedAt)}</Table.Td>
                  <Table.Td>{date(c.expiresAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CursorPager
        onFirst={certificateCursors.length > 0 ? () => setCertificateCursors([]) : undefined}
        nextCursor={certificates.data?.nextCursor}
        onNext={(next) => setCertificateCursors([...certificateCursors, next])}
      />
    </Stack>
  );
}
