import { useTranslation } from 'react-i18next';
import { LeaveGuardModal, useLeaveGuard } from '../../common/leave-guard';

/**
 * Never loses a dirty course form silently (see useLeaveGuard); `allowNext()` lets the one
 * navigation that follows a successful save through.
 */
export function useUnsavedChanges(dirty: boolean) {
  const { t } = useTranslation();
  const { blocker, allowNextLeave } = useLeaveGuard(dirty);
  return {
    allowNext: allowNextLeave,
    prompt: (
      <LeaveGuardModal
        blocker={blocker}
        texts={{
          title: t('instructorCourses.leave.title'),
          message: t('instructorCourses.leave.body'),
          stay: t('instructorCourses.leave.stay'),
          leave: t('instructorCourses.leave.discard'),
          close: t('instructorCourses.common.close'),
        }}
      />
    ),
  };
}
