import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

/**
 * While `dirty`, leaving the page asks first: in-app navigation through the returned blocker
 * (react-router), closing or reloading the tab through the browser's own prompt. A change of the
 * search params alone (a filter, a page of a list) passes unless `searchToo`. `allowNextLeave()`
 * lets the one navigation that follows a save through.
 */
export function useLeaveGuard(dirty: boolean, { searchToo = false } = {}) {
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      !allowed.current &&
      (currentLocation.pathname !== nextLocation.pathname ||
        (searchToo && currentLocation.search !== nextLocation.search)),
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

export interface LeaveTexts {
  title: string;
  message: string;
  stay: string;
  leave: string;
  close: string;
}

/** The question a blocked navigation asks: stay (keep the changes) or leave (drop them). */
export function LeaveGuardModal({
  blocker,
  texts,
}: {
  blocker: ReturnType<typeof useBlocker>;
  texts: LeaveTexts;
}) {
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={texts.title}
      centered
      closeButtonProps={{ 'aria-label': texts.close }}
    >
      <Stack gap="md">
        <Text>{texts.message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {texts.stay}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {texts.leave}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
