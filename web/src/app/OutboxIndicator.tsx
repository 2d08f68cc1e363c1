import { Badge } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { startOutbox, useOutbox } from './offline-queue';

/**
 * "3 waiting to be sent" in the header while the outbox holds anything, nothing otherwise; on
 * phones pinned to the bottom of the screen, where the header has no room.
 */
export function OutboxIndicator() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  useEffect(() => startOutbox(), []);
  const count = outbox.entries.length;
  return (
    <span role="status" aria-live="polite" className="outbox-indicator">
      {count > 0 && (
        <Badge
          color={outbox.online ? 'blue' : 'orange'}
          variant="light"
          c="dark.8"
          tt="none"
          size="lg"
          style={{ boxShadow: 'var(--mantine-shadow-sm)' }}
          aria-label={t('offline.waitingLabel', { count })}
          data-testid="outbox-count"
          data-count={count}
        >
          {t('offline.waiting', { count })}
        </Badge>
      )}
    </span>
  );
}
