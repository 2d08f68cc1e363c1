import type { NotificationData } from '@mantine/notifications';

/**
 * Toasts, with @mantine/notifications (store, container, transitions) loaded on first use rather
 * than in the initial bundle; the container in App.tsx loads from the same chunk.
 */
export const notifications = {
  show(data: NotificationData): void {
    void import('@mantine/notifications').then((m) => m.notifications.show(data));
  },
};
