// First, so the silent refresh leaves before the rest of the bundle is evaluated.
import './app/early-refresh';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './app/api';
import { App, queryClient } from './app/App';
import { i18nReady } from './app/i18n';
import { meQuery } from './app/me';
import { accessToken, refreshSession, subscribeSession } from './app/session';
import { keys } from './features/learner/queries';

// A reload keeps the user signed in through the httpOnly refresh cookie. The first screen's data
// is requested the moment the session is back, before React re-renders (a round trip each on a
// slow network): the user, which every page needs, and on "/" the learner's courses.
// Signed out, the sign-in page's chunk is fetched at once rather than after the router has
// loaded the requested page's chunks (which it does before redirecting to /login).
const stopPrefetch = subscribeSession(() => {
  stopPrefetch();
  if (!accessToken()) {
    void import('./features/auth/LoginPage').catch(() => undefined);
    return;
  }
  void queryClient.prefetchQuery(meQuery);
  if (window.location.pathname === '/') {
    void queryClient.prefetchQuery({ queryKey: keys.myCourses, queryFn: api.myCourses });
  }
});
void refreshSession();

void i18nReady.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
