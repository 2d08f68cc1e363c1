import { useTranslation } from 'react-i18next';
import { LeaveGuardModal, useLeaveGuard } from '../../common/leave-guard';

/** While `dirty`, leaving the page asks first, in the quiz pages' words. */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const { blocker } = useLeaveGuard(dirty);
  return (
    <LeaveGuardModal
      blocker={blocker}
      texts={{
        title: t('quizSettings.leave.title'),
        message: t('quizSettings.leave.message'),
        stay: t('quizSettings.leave.stay'),
        leave: t('quizSettings.leave.discard'),
        close: t('quizSettings.leave.close'),
      }}
    />
  );
}
