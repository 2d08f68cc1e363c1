import '@mantine/notifications/styles.layer.css';
import { Notifications } from '@mantine/notifications';

/** The toast container with its styles, in one lazily loaded chunk (see App). */
export function Toasts({ position }: { position: 'top-center' }) {
  return <Notifications position={position} />;
}
