import { useTranslation } from 'react-i18next';
import type { LeaveTexts } from '../../common/leave-guard';

/** The question bank's words for leaving unsaved work. */
export function useBankLeaveTexts(): LeaveTexts {
  const { t } = useTranslation();
  return {
    title: t('questionBank.leave.title'),
    message: t('questionBank.leave.message'),
    stay: t('questionBank.leave.stay'),
    leave: t('questionBank.leave.leave'),
    close: t('questionBank.common.close'),
  };
}
