/**
 * The catalogue keys the basic first screen shows. The build inlines just these strings from
 * web/src/locales (vite.config.ts, `virtual:basic-screen-texts`), so they never disagree with
 * the app's and the screen does not download the whole catalogue.
 */
export const BASIC_SCREEN_KEYS = [
  'app.name',
  'login.title',
  'login.intro',
  'login.email',
  'login.password',
  'login.submit',
  'login.submitting',
  'account.forgotLink',
  'errors.NETWORK',
  'errors.INVALID_CREDENTIALS',
  'errors.ACCOUNT_INACTIVE',
  'errors.TOO_MANY_LOGIN_ATTEMPTS',
  'errors.VALIDATION_FAILED',
  'errors.generic',
  'training.title',
  'training.empty',
  'training.due',
  'training.noDue',
  'training.progressValue',
  'status.not_started',
  'status.in_progress',
  'status.completed',
  'status.overdue',
  'basicScreen.loading',
] as const;

export type BasicScreenKey = (typeof BASIC_SCREEN_KEYS)[number];
export type BasicScreenTexts = Record<'id' | 'en', Record<BasicScreenKey, string>>;
