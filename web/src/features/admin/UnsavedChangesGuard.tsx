import { useTranslation } from 'react-i18next';
import { useLeaveGuard } from '../common/leave-guard';
import { ConfirmModal } from '../hr/ConfirmModal';

/**
 * While `dirty`, leaving the page (a link, back, another filter, closing the tab) asks first, so
 * typed input is never lost silently.
 */
export function UnsavedChangesGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const { blocker } = useLeaveGuard(dirty, { searchToo: true });
  return (
    <ConfirmModal
      opened={blocker.state === 'blocked'}
      title={t('admin.unsaved.title')}
      message={t('admin.unsaved.message')}
      confirmLabel={t('admin.unsaved.leave')}
      danger
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}
