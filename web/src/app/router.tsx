import type { ComponentType } from 'react';
import {
  createBrowserRouter,
  matchRoutes,
  Navigate,
  useLocation,
  type RouteObject,
} from 'react-router';
import { Loading } from '../features/common/Loading';
import { NotFoundPage } from '../features/common/NotFoundPage';
import { earlyRefreshSignedOut } from './early-refresh';
import { useSession } from './session';
import { Shell } from './Shell';

type PageModule = { default: ComponentType };
/**
 * Each page is its own chunk; role areas never load for a learner. Pages beyond the first screen
 * bring the whole Mantine stylesheet with them (app/styles/first-screen.ts explains why).
 */
const page = (load: () => Promise<PageModule>) => async () => {
  const [module] = await Promise.all([load(), import('./styles/all-components')]);
  return { Component: module.default };
};
/** A first-screen page: its component styles are already in app/styles/first-screen.ts. */
const firstScreenPage = (load: () => Promise<PageModule>) => async () => ({
  Component: (await load()).default,
});

function signInPath({ pathname, search }: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(`${pathname}${search}`)}`;
}

function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'unknown') return <Loading />;
  if (session.status === 'signed-out') {
    return <Navigate to={signInPath(location)} replace />;
  }
  return <Shell />;
}

const routes: RouteObject[] = [
  // Lazy too: a returning learner (refresh cookie) never needs the sign-in form or @mantine/form.
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('../features/auth/LoginPage')).LoginPage }),
  },
  { path: '/set-password', lazy: page(() => import('../features/account/SetPasswordPage')) },
  { path: '/reset-password', lazy: page(() => import('../features/account/SetPasswordPage')) },
  { path: '/forgot-password', lazy: page(() => import('../features/account/ForgotPasswordPage')) },
  {
    Component: RequireSession,
    children: [
      { index: true, lazy: firstScreenPage(() => import('../features/learner/MyTrainingPage')) },
      {
        path: 'courses/:courseId',
        lazy: page(() => import('../features/learner/CourseOutlinePage')),
      },
      {
        path: 'courses/:courseId/lessons/:lessonId',
        lazy: page(() => import('../features/learner/LessonPlayerPage')),
      },
      { path: 'quizzes/:quizId', lazy: page(() => import('../features/learner/quiz/QuizPage')) },
      {
        path: 'quizzes/:quizId/attempts/:attemptId',
        lazy: page(() => import('../features/learner/quiz/AttemptResultPage')),
      },
      { path: 'certificates', lazy: page(() => import('../features/learner/CertificatesPage')) },
      {
        path: 'certificates/:certificateId',
        lazy: page(() => import('../features/learner/CertificatePage')),
      },
      { path: 'preferences', lazy: page(() => import('../features/account/PreferencesPage')) },
      {
        path: 'attempts/:attemptId',
        lazy: page(() => import('../features/learner/quiz/AttemptLinkPage')),
      },
      { path: 'instructor/*', lazy: page(() => import('../features/instructor')) },
      { path: 'hr/*', lazy: page(() => import('../features/hr')) },
      { path: 'reports/compliance', lazy: page(() => import('../features/hr')) },
      { path: 'admin/*', lazy: page(() => import('../features/admin')) },
      { path: '*', Component: NotFoundPage },
    ],
  },
];

// Signed out, with the early refresh already answered (a cold visit, whose bundle arrives long
// after it): start on the sign-in page, so the router does not first load the requested page's
// chunks only for RequireSession to redirect.
if (
  earlyRefreshSignedOut() &&
  matchRoutes(routes, window.location)?.some((m) => m.route.Component === RequireSession)
) {
  window.history.replaceState(null, '', signInPath(window.location));
}

export const router = createBrowserRouter(routes);
