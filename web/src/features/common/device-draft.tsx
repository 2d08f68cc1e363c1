import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  readDeviceDraft,
  removeDeviceDraft,
  writeDeviceDraft,
  type DeviceDraft,
} from '../../app/device-drafts';
import { formatDateTimeInWords } from '../../app/format';
import { useMe } from '../../app/me';

const WRITE_DELAY_MS = 400;

/**
 * Keeps the unsaved `value` of a form in this browser while it is `dirty`, and offers a draft
 * left by an earlier visit (crash, closed tab, expired session) until the author restores or
 * discards it; until then that draft is not overwritten. Saving or reverting removes it.
 */
export function useDeviceDraft<T>(
  name: string,
  value: T,
  dirty: boolean,
  /** Puts a restored value back in the form. */
  restore: (value: T) => void,
) {
  const me = useMe();
  const key = me.data ? `${me.data.id}:${name}` : null;
  const stored = useMemo(() => (key ? readDeviceDraft<T>(key) : null), [key]);
  const [decidedFor, setDecidedFor] = useState<string | null>(null);
  const pending = stored !== null && decidedFor !== key;

  useEffect(() => {
    if (!key || pending) return;
    if (dirty) {
      const timer = setTimeout(() => writeDeviceDraft(key, value), WRITE_DELAY_MS);
      return () => clearTimeout(timer);
    }
    removeDeviceDraft(key);
  }, [key, value, dirty, pending]);

  const discard = () => {
    if (!key) return;
    removeDeviceDraft(key);
    setDecidedFor(key);
  };
  return {
    /** The offer to restore or discard a draft from an earlier visit, or null. */
    notice: (
      <DeviceDraftNotice
        offer={pending ? stored : null}
        onRestore={(restored) => {
          restore(restored);
          if (key) setDecidedFor(key); // kept from now on as edited
        }}
        onDiscard={discard}
      />
    ),
    /** After a save: the draft is no longer needed. */
    discard,
  };
}

/** "Unsaved changes from <time> are kept on this device": restore or discard. */
function DeviceDraftNotice<T>({
  offer,
  onRestore,
  onDiscard,
}: {
  offer: DeviceDraft<T> | null;
  onRestore: (value: T) => void;
  onDiscard: () => void;
}) {
  const { t, i18n } = useTranslation();
  if (!offer) return null;
  return (
    <Alert
      color="yellow"
      role="status"
      title={t('deviceDraft.title')}
      // Yellow text on the light yellow fails the contrast rule: the title keeps the text colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Text size="sm" mb="xs">
        {t('deviceDraft.message', {
          time: formatDateTimeInWords(i18n.language, new Date(offer.savedAt).toISOString()),
        })}
      </Text>
      <Group gap="xs">
        <Button size="xs" onClick={() => onRestore(offer.value)}>
          {t('deviceDraft.restore')}
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('deviceDraft.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
