import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * "First page" / "Next page" under a keyset-paged list. `onFirst` is given only when a later
 * page is showing; "Next page" shows while the API returns a next cursor.
 */
export function CursorPager({
  onFirst,
  nextCursor,
  onNext,
}: {
  onFirst?: () => void;
  nextCursor: string | null | undefined;
  onNext: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  if (!onFirst && !nextCursor) return null;
  return (
    <Group>
      {onFirst && (
        <Button variant="default" onClick={onFirst}>
          {t('paging.first')}
        </Button>
      )}
      {nextCursor && (
        <Button variant="default" onClick={() => onNext(nextCursor)}>
          {t('paging.next')}
        </Button>
      )}
    </Group>
  );
}
