import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * While `dirty`, leaving the page asks first: in-app navigation through a modal (react-router's
 * blocker), closing or reloading the tab through the browser's own prompt (beforeunload). A change
 * of search params only (a filter, a page of the list) keeps the page and its state, so it passes.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
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

  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={t('quizSettings.leave.title')}
      centered
      closeButtonProps={{ 'aria-label': t('quizSettings.leave.close') }}
    >
      <Stack gap="md">
        <Text>{t('quizSettings.leave.message')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()}>
            {t('quizSettings.leave.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('quizSettings.leave.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
