import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * While `dirty`, leaving the page (a link, back, another filter, closing the tab) asks first.
 * `allowNextLeave()` lets one navigation through, e.g. right after a save.
 */
export function useLeaveGuard(dirty: boolean) {
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !allowed.current &&
      (currentLocation.pathname !== nextLocation.pathname ||
        currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(() => {
    allowed.current = false;
  });
  return {
    blocker,
    allowNextLeave: () => {
      allowed.current = true;
    },
  };
}

/** The question a blocked navigation asks: stay (keep the changes) or leave (drop them). */
export function LeaveGuardModal({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useTranslation();
  const open = blocker.state === 'blocked';
  return (
    <Modal
      opened={open}
      onClose={() => blocker.reset?.()}
      title={t('questionBank.leave.title')}
      centered
      closeButtonProps={{ 'aria-label': t('questionBank.common.close') }}
    >
      <Stack gap="md">
        <Text>{t('questionBank.leave.message')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('questionBank.leave.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('questionBank.leave.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
