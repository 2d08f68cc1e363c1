import type { NotificationData } from '@mantine/notifications';
import { useSyncExternalStore } from 'react';

let requested = false;
const listeners = new Set<() => void>();

/**
 * Toasts, with @mantine/notifications (store, container, transitions) loaded on first use rather
 * than with the first screen, where it would compete with the page's own requests.
 */
export const notifications = {
  show(data: NotificationData): void {
    if (!requested) {
      requested = true;
      for (const listener of listeners) listener();
    }
    void import('@mantine/notifications').then((m) => m.notifications.show(data));
  },
};

/** True once a toast was asked for: App mounts the container then (it shows queued toasts). */
export function useToastsRequested(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => requested,
  );
}
