import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type UserView } from '../../app/api';
import { Loading } from '../common/Loading';
import { EmployeeActions } from './EmployeeActions';
import { CreateEmployeeForm } from './CreateEmployeeForm';
import { EmployeeStatusBadge } from './EmployeeStatusBadge';
import { HrErrorAlert } from './HrErrorAlert';
import { CursorPager } from '../common/CursorPager';

/** HR's employees: search (name, e-mail, NIK, employee id), a keyset-paged list, create. */
export function EmployeesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<UserView | null>(null);
  const search = params.get('search') ?? '';
  const cursor = params.get('cursor');
  const list = useQuery({
    queryKey: ['hr-employees', search, cursor],
    queryFn: () => api.employees({ search, cursor }),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
  });

  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('search') ?? '').trim();
    setParams(value ? { search: value } : {});
  };
  const withCursor = (next: string | null) => {
    const q = new URLSearchParams(params);
    if (next) q.set('cursor', next);
    else q.delete('cursor');
    setParams(q);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('hrEmployees.title')}</Title>
        <Group gap="sm">
          <Button variant="default" component={Link} to="/hr/employees/import">
            {t('hrEmployees.importLink')}
          </Button>
          <Button onClick={() => setCreating(true)}>{t('hrEmployees.create.open')}</Button>
        </Group>
      </Group>
      {created && (
        <Alert color="green" role="status">
          {t('hrEmployees.create.done', { name: created.name, email: created.email })}
        </Alert>
      )}
      <form onSubmit={apply} key={search} role="search">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            name="search"
            label={t('hrEmployees.search')}
            defaultValue={search}
            w={{ base: '100%', sm: 360 }}
          />
          <Button type="submit">{t('hrEmployees.searchSubmit')}</Button>
          {search && (
            <Button variant="subtle" onClick={() => setParams({})}>
              {t('hrEmployees.searchClear')}
            </Button>
          )}
        </Group>
      </form>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <HrErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t(search ? 'hrEmployees.noMatch' : 'hrEmployees.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped withTableBorder verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('hrEmployees.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.employeeId')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.nik')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('hrEmployees.fields.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((employee) => (
                <Table.Tr key={employee.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={`/hr/employees/${employee.id}`} fw={600}>
                      {employee.name}
                    </Anchor>
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {employee.email}
                    </Text>
                  </Table.Th>
                  <Table.Td>{employee.employeeId ?? '—'}</Table.Td>
                  <Table.Td>{employee.nik ?? '—'}</Table.Td>
                  <Table.Td>
                    <EmployeeStatusBadge active={employee.isActive} />
                  </Table.Td>
                  <Table.Td>
                    <EmployeeActions employee={employee} />
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
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('hrEmployees.create.title')}
        centered
        closeButtonProps={{ 'aria-label': t('hrEmployees.common.close') }}
      >
        <CreateEmployeeForm
          onCancel={() => setCreating(false)}
          onCreated={(employee) => {
            setCreating(false);
            setCreated(employee);
          }}
        />
      </Modal>
    </Stack>
  );
}
