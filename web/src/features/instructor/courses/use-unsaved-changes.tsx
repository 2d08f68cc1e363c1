import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Never loses a dirty form silently: in-app navigation asks first (react-router's blocker), and
 * closing or reloading the tab gets the browser's own warning. `allowNext()` lets the one
 * navigation that follows a successful save through.
 */
export function useUnsavedChanges(dirty: boolean) {
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return {
    allowNext: () => {
      allowed.current = true;
    },
    prompt: <LeavePrompt blocker={blocker} />,
  };
}

function LeavePrompt({ blocker }: { blocker: ReturnType<typeof useBlocker> }) {
  const { t } = useTranslation();
  const opened = blocker.state === 'blocked';
  return (
    <Modal
      opened={opened}
      onClose={() => blocker.reset?.()}
      title={t('instructorCourses.leave.title')}
      centered
      closeButtonProps={{ 'aria-label': t('instructorCourses.common.close') }}
    >
      <Stack gap="md">
        <Text>{t('instructorCourses.leave.body')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('instructorCourses.leave.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('instructorCourses.leave.discard')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
