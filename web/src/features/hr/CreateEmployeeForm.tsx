import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type UserView } from '../../app/api';
import { HrErrorAlert } from './HrErrorAlert';

/** A new employee; the server sends them an invitation to set their password. */
export function CreateEmployeeForm({
  onCreated,
  onCancel,
}: {
  onCreated: (employee: UserView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: api.createEmployee,
    onSuccess: async (employee) => {
      await queryClient.invalidateQueries({ queryKey: ['hr-employees'] });
      onCreated(employee);
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '').trim();
    create.mutate({
      name: value('name'),
      email: value('email'),
      employeeId: value('employeeId'),
      ...(value('nik') ? { nik: value('nik') } : {}),
    });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput name="name" label={t('hrEmployees.fields.name')} required minLength={2} />
        <TextInput name="email" type="email" label={t('hrEmployees.fields.email')} required />
        <TextInput
          name="employeeId"
          label={t('hrEmployees.fields.employeeId')}
          required
          pattern="[A-Za-z0-9._/\-]{1,64}"
        />
        <TextInput
          name="nik"
          label={t('hrEmployees.fields.nikOptional')}
          inputMode="numeric"
          pattern="\d{16}"
          description={t('hrEmployees.fields.nikHint')}
        />
        {create.error && <HrErrorAlert error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('hrEmployees.common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('hrEmployees.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
