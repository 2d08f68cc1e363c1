import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, courseAuthoringApi, type CourseStaffMemberView } from '../../../app/api';
import { ConfirmModal } from '../../hr/ConfirmModal';
import { CourseErrorAlert } from './CourseErrorAlert';
import { StatusBadge } from './StatusBadge';
import { READABLE_ERRORS } from './form-style';
import { courseKeys } from './queries';

const STAFF_FIELD_ERRORS = ['NOT_FOUND', 'STAFF_MUST_BE_INSTRUCTOR', 'VALIDATION_FAILED'];

/** The owner and co-instructors; the owner (or an admin) adds them by e-mail and removes them. */
export function StaffSection({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useQuery({
    queryKey: courseKeys.staff(courseId),
    queryFn: () => courseAuthoringApi.staff(courseId),
  });
  const [email, setEmail] = useState('');
  const [removing, setRemoving] = useState<CourseStaffMemberView | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (address: string) => courseAuthoringApi.addStaff(courseId, address),
    onSuccess: (list, address) => {
      queryClient.setQueryData(courseKeys.staff(courseId), list);
      setAdded(list.find((m) => m.email.toLowerCase() === address.toLowerCase())?.name ?? address);
      setEmail('');
    },
  });
  const remove = useMutation({
    mutationFn: (member: CourseStaffMemberView) =>
      courseAuthoringApi.removeStaff(courseId, member.userId),
    onSuccess: async () => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: courseKeys.staff(courseId) });
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setAdded(null);
    add.mutate(email.trim());
  };
  const addError = add.error instanceof ApiError ? add.error : null;
  const fieldError =
    addError && STAFF_FIELD_ERRORS.includes(addError.code)
      ? t(`instructorCourses.staff.errors.${addError.code}`)
      : undefined;

  return (
    <Stack gap="sm" component="section" aria-labelledby="course-staff-title">
      <Title order={2} id="course-staff-title" size="h3">
        {t('instructorCourses.staff.title')}
      </Title>
      <Text c="dimmed" size="sm">
        {t('instructorCourses.staff.intro')}
      </Text>
      {staff.isPending ? null : staff.error ? (
        <CourseErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('instructorCourses.staff.name')}</Table.Th>
                <Table.Th scope="col">{t('instructorCourses.staff.role')}</Table.Th>
                <Table.Th scope="col">{t('instructorCourses.staff.actions')}</Table.Th>
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
                  <Table.Td>
                    <StatusBadge tone={member.role}>
                      {t(`instructorCourses.staff.roles.${member.role}`)}
                    </StatusBadge>
                  </Table.Td>
                  <Table.Td>
                    {member.role === 'co_instructor' && (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRemoving(member)}
                        aria-label={t('instructorCourses.staff.removeNamed', { name: member.name })}
                      >
                        {t('instructorCourses.staff.remove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {added && (
        <Alert color="green" role="status">
          {t('instructorCourses.staff.added', { name: added })}
        </Alert>
      )}
      <form
        onSubmit={submit}
        aria-label={t('instructorCourses.staff.addLabel')}
        style={READABLE_ERRORS}
      >
        <Group align="flex-start" wrap="wrap">
          <TextInput
            name="staffEmail"
            type="email"
            label={t('instructorCourses.staff.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError}
            required
            w={{ base: '100%', sm: 360 }}
          />
          <Button type="submit" loading={add.isPending} mt={{ base: 0, sm: 25 }}>
            {t('instructorCourses.staff.add')}
          </Button>
        </Group>
      </form>
      {addError && !fieldError && <CourseErrorAlert error={addError} />}
      {remove.error != null && <CourseErrorAlert error={remove.error} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('instructorCourses.staff.removeTitle', { name: removing?.name ?? '' })}
        message={t('instructorCourses.staff.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('instructorCourses.staff.remove')}
        danger
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Stack>
  );
}
