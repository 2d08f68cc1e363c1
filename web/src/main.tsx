// First, so the silent refresh leaves before the rest of the bundle is evaluated.
import './app/early-refresh';
import './app/styles/first-screen';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './app/api';
import { App, queryClient } from './app/App';
import { i18nReady } from './app/i18n';
import { meQuery } from './app/me';
import { basicScreenSession, retireBasicScreen } from './app/early-refresh';
import { accessToken, adoptSession, refreshSession, subscribeSession } from './app/session';
import { keys } from './features/learner/queries';

// A reload keeps the user signed in through the httpOnly refresh cookie. The first screen's data
// is requested the moment the session is back, before React re-renders (a round trip each on a
// slow network): the user, which every page needs, and on "/" the learner's courses. The same
// happens the moment a sign-in answers, for the page the sign-in page is about to open.
// Signed out, the sign-in page's chunk is fetched at once (index.html preloads it too); while the
// form waits to be filled in, "My training"'s chunks follow, ready when the sign-in answers.
const openingPath = () => {
  const { pathname, search } = window.location;
  return pathname === '/login' ? new URLSearchParams(search).get('next') : pathname;
};
let signInPageRequested = false;
const stopPrefetch = subscribeSession(() => {
  if (!accessToken()) {
    if (signInPageRequested) return;
    signInPageRequested = true;
    void import('./features/auth/LoginPage')
      .then(() => {
        if (openingPath() === '/') return import('./features/learner/MyTrainingPage');
      })
      .catch(() => undefined);
    return;
  }
  stopPrefetch();
  void queryClient.prefetchQuery(meQuery);
  if (openingPath() === '/') {
    void queryClient.prefetchQuery({ queryKey: keys.myCourses, queryFn: api.myCourses });
  }
});
void refreshSession();

/** The built page links its stylesheet at the end of the body (vite.config.ts): render after it. */
function stylesheetsLoaded(): Promise<unknown> {
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
  return Promise.all(
    links
      .filter((link) => !link.sheet)
      .map(
        (link) =>
          new Promise((resolve) => {
            link.addEventListener('load', resolve, { once: true });
            link.addEventListener('error', resolve, { once: true });
          }),
      ),
  );
}

// On a slow connection the basic first screen may be on the page: it is replaced now, except
// while its sign-in form is in use (then the app waits for that sign-in and takes its session).
void Promise.all([i18nReady, stylesheetsLoaded()])
  .then(() => basicScreenSession())
  .then((signedInThere) => {
    if (signedInThere) adoptSession(signedInThere);
    retireBasicScreen();
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
