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
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, type CourseStaffMemberView } from '../../app/api';
import { formatDate, localized } from '../../app/format';
import { Loading } from '../common/Loading';
import { ConfirmModal } from '../hr/ConfirmModal';
import { AdminErrorAlert } from './AdminErrorAlert';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

/** Course staff: choose a course, see its instructors, add a co-instructor, remove one. */
export function CourseStaffPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const courseId = params.get('courseId') ?? '';
  const search = params.get('search') ?? '';
  const courses = useQuery({
    queryKey: ['admin-courses', search],
    queryFn: () => api.adminCourses(search),
    placeholderData: keepPreviousData,
  });
  const staff = useQuery({
    queryKey: ['admin-course-staff', courseId],
    queryFn: () => api.courseStaff(courseId),
    enabled: courseId !== '',
  });
  const applySearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = String(new FormData(e.currentTarget).get('search') ?? '').trim();
    setParams(value ? { search: value } : {});
  };
  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.staff.title')}</Title>
      <form onSubmit={applySearch} role="search" key={search}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            name="search"
            label={t('admin.staff.searchCourses')}
            defaultValue={search}
            w={{ base: '100%', sm: 300 }}
          />
          <Button type="submit" variant="default">
            {t('admin.common.search')}
          </Button>
        </Group>
      </form>
      {courses.error ? (
        <AdminErrorAlert error={courses.error} onRetry={() => void courses.refetch()} />
      ) : (
        <NativeSelect
          label={t('admin.staff.course')}
          value={courseId}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            if (e.currentTarget.value) next.set('courseId', e.currentTarget.value);
            else next.delete('courseId');
            setParams(next);
          }}
          data={[
            { value: '', label: t('admin.staff.chooseCourse') },
            ...(courses.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${localized(i18n.language, c)} (${c.code})`,
            })),
          ]}
          w={{ base: '100%', sm: 480 }}
        />
      )}
      {courseId === '' ? (
        <Text c="dimmed">{t('admin.staff.pickFirst')}</Text>
      ) : staff.isPending ? (
        <Loading />
      ) : staff.error ? (
        <AdminErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={0}>
            <Table
              striped
              withTableBorder
              verticalSpacing="sm"
              aria-label={t('admin.staff.listLabel')}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.staff.fields.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.staff.fields.role')}</Table.Th>
                  <Table.Th scope="col">{t('admin.staff.fields.since')}</Table.Th>
                  <Table.Th scope="col">{t('admin.staff.fields.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.map((member) => (
                  <Table.Tr key={member.userId}>
                    <Table.Th scope="row" fw="normal">
                      <Text fw={600}>{member.name}</Text>
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {member.email}
                      </Text>
                    </Table.Th>
                    <Table.Td>{t(`admin.staff.roles.${member.role}`)}</Table.Td>
                    <Table.Td>{formatDate(i18n.language, member.createdAt)}</Table.Td>
                    <Table.Td>
                      {member.role === 'owner' ? (
                        <Text size="sm" c="dimmed">
                          {t('admin.staff.ownerStays')}
                        </Text>
                      ) : (
                        <RemoveStaffButton courseId={courseId} member={member} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <AddStaffForm courseId={courseId} key={courseId} />
        </>
      )}
    </Stack>
  );
}

function AddStaffForm({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (value: string) => api.addCourseStaff(courseId, value),
    onSuccess: (list, value) => {
      queryClient.setQueryData(['admin-course-staff', courseId], list);
      setAdded(value);
      setEmail('');
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded(null);
    add.mutate(email.trim());
  };
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="add-staff">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="add-staff">
            {t('admin.staff.add.title')}
          </Title>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              type="email"
              label={t('admin.staff.add.email')}
              description={t('admin.staff.add.hint')}
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              w={{ base: '100%', sm: 320 }}
            />
            <Button type="submit" loading={add.isPending}>
              {t('admin.staff.add.submit')}
            </Button>
          </Group>
          {added && (
            <Alert color="green" role="status">
              {t('admin.staff.add.done', { email: added })}
            </Alert>
          )}
          {add.error && <AdminErrorAlert error={add.error} />}
        </Stack>
      </form>
      <UnsavedChangesGuard dirty={email.trim() !== ''} />
    </Card>
  );
}

function RemoveStaffButton({
  courseId,
  member,
}: {
  courseId: string;
  member: CourseStaffMemberView;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.removeCourseStaff(courseId, member.userId),
    onSuccess: async () => {
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey: ['admin-course-staff', courseId] });
    },
    onError: () => setAsking(false),
  });
  return (
    <>
      <Button size="xs" variant="light" color="red" onClick={() => setAsking(true)}>
        {t('admin.staff.remove')}
      </Button>
      {remove.error && <AdminErrorAlert error={remove.error} />}
      <ConfirmModal
        opened={asking}
        title={t('admin.staff.removeTitle', { name: member.name })}
        message={t('admin.staff.removeMessage', { name: member.name })}
        confirmLabel={t('admin.staff.remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
