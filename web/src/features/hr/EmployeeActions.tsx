import { Alert, Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type UserView } from '../../app/api';
import { ConfirmModal } from './ConfirmModal';
import { HrErrorAlert } from './HrErrorAlert';

type Action = 'deactivate' | 'reactivate' | 'invite';

/** Deactivate / reactivate / resend the invitation, each after a confirmation saying what it does. */
export function EmployeeActions({ employee }: { employee: UserView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<Action | null>(null);
  const [done, setDone] = useState<Action | null>(null);
  const run = useMutation({
    mutationFn: (action: Action): Promise<unknown> =>
      action === 'deactivate'
        ? api.deactivateEmployee(employee.id)
        : action === 'reactivate'
          ? api.reactivateEmployee(employee.id)
          : api.resendInvitation(employee.id),
    onSuccess: async (_result, action) => {
      setAsking(null);
      setDone(action);
      await queryClient.invalidateQueries({ queryKey: ['hr-employees'] });
      await queryClient.invalidateQueries({ queryKey: ['hr-employee', employee.id] });
    },
    onError: () => setAsking(null),
  });
  const name = employee.name;
  const ask = (action: Action) => {
    setDone(null);
    run.reset();
    setAsking(action);
  };
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {employee.isActive ? (
          <>
            <Button size="xs" variant="default" onClick={() => ask('invite')}>
              {t('hrEmployees.actions.invite')}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => ask('deactivate')}>
              {t('hrEmployees.actions.deactivate')}
            </Button>
          </>
        ) : (
          <Button size="xs" variant="light" onClick={() => ask('reactivate')}>
            {t('hrEmployees.actions.reactivate')}
          </Button>
        )}
      </Group>
      {done && (
        <Alert color="green" role="status" mt="xs" p="xs">
          {t(`hrEmployees.actions.${done}Done`, { name })}
        </Alert>
      )}
      {run.error && <HrErrorAlert error={run.error} />}
      <ConfirmModal
        opened={asking !== null}
        title={asking ? t(`hrEmployees.actions.${asking}Title`, { name }) : ''}
        message={
          asking ? t(`hrEmployees.actions.${asking}Message`, { name, email: employee.email }) : ''
        }
        confirmLabel={asking ? t(`hrEmployees.actions.${asking}`) : ''}
        danger={asking === 'deactivate'}
        busy={run.isPending}
        onConfirm={() => asking && run.mutate(asking)}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}
